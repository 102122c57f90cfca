import { hints } from "../normalize.js";
import type { Detector, ValueMatch } from "../types.js";

const V4 = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)$/;

function validV6(v: string): boolean {
  if (!/^[0-9a-f:]+$/i.test(v) || !v.includes(":")) return false;
  const halves = v.split("::");
  if (halves.length > 2) return false;
  const groups = halves.flatMap((h) => (h === "" ? [] : h.split(":")));
  if (groups.some((g) => g.length === 0 || g.length > 4)) return false;
  return halves.length === 2 ? groups.length < 8 : groups.length === 8;
}

/**
 * IPv4 and IPv6. Dynamic IPs are personal data (CJEU C-582/14, Breyer). Version strings such as
 * 1.2.3.4 are valid IPv4 too: with every part ≤ 30 the value is weak evidence, so a column of them
 * needs an `ip` header. Private ranges are weak evidence too.
 */
export function testIp(value: string): ValueMatch | null {
  const v = value.trim();
  const m = V4.exec(v);
  if (m) {
    const parts = m.slice(1).map(Number);
    if (parts.every((p) => p <= 30)) return { personal: 0.2 };
    // RFC 1918 and loopback addresses name devices inside an organisation's network (printers,
    // servers), not subscribers of an access provider as in Breyer.
    const [a = 0, b = 0] = parts;
    if (a === 10 || a === 127 || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168)) return { personal: 0.3 };
    return { personal: 1 };
  }
  if (validV6(v)) return { personal: 1 };
  return null;
}

export const ip: Detector = {
  kind: "ip",
  label: { fr: "adresses IP", en: "IP addresses" },
  severity: "warning",
  legal: ["RGPD art. 4(1)", "RGPD considérant 30", "CJUE C-582/14"],
  test: testIp,
  headerHints: hints("ip", "adresse ip", "ip address", "ip client", "remote addr", "ipv4", "ipv6", "client ip"),
  negativeHeaderHints: ["version", "release", "build", "logiciel", "firmware"],
  threshold: 0.8,
  minPersonal: 0.6,
  freeText: {
    prefilter: /\d\.\d/,
    pattern: /\b(?:\d{1,3}\.){3}\d{1,3}\b/g,
    accept: (m, text) => {
      const before = text.slice(Math.max(0, m.index - 12), m.index).toLowerCase();
      if (/version|v\s?$|release/.test(before)) return 0;
      return testIp(m[0])?.personal === 1 ? 1 : 0;
    },
  },
  examples: {
    match: ["82.64.125.3", "176.31.84.250", "192.168.1.254", "2001:db8::8a2e:370:7334", "fe80::1"],
    noMatch: ["256.1.1.1", "1.2.3", "abc", "01.02.03.04", "12:30"],
  },
};
