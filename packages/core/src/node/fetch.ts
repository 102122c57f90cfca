import dns from "node:dns";
import http, { type IncomingMessage } from "node:http";
import https from "node:https";
import net from "node:net";
import type { Readable } from "node:stream";
import zlib from "node:zlib";
import { ResolveError } from "../resolve/errors.js";
import { DEFAULT_MAX_DOWNLOAD_BYTES, DEFAULT_TIMEOUT_MS, type FetchLimits } from "./limits.js";

const MAX_REDIRECTS = 5;

// IANA special-purpose registries (RFC 6890 and its updates): nothing here is a public web server.
const privateRanges = new net.BlockList();
for (const [address, prefix] of [
  ["0.0.0.0", 8],
  ["10.0.0.0", 8],
  ["100.64.0.0", 10], // RFC 6598, carrier-grade NAT
  ["127.0.0.0", 8],
  ["169.254.0.0", 16], // link-local, where cloud metadata services answer
  ["172.16.0.0", 12],
  ["192.0.0.0", 24],
  ["192.168.0.0", 16],
  ["198.18.0.0", 15],
  ["224.0.0.0", 4],
  ["240.0.0.0", 4],
] as const) {
  privateRanges.addSubnet(address, prefix, "ipv4");
}
for (const [address, prefix] of [
  ["::", 128],
  ["::1", 128],
  ["fc00::", 7], // RFC 4193, unique local
  ["fe80::", 10], // link-local
  ["ff00::", 8],
] as const) {
  privateRanges.addSubnet(address, prefix, "ipv6");
}

/** Whether an IP address is loopback, link-local, private, unique-local or otherwise not public. */
export function isPrivateAddress(address: string): boolean {
  const family = net.isIP(address);
  if (family === 4) return privateRanges.check(address, "ipv4");
  if (family !== 6) return true;
  // An IPv4-mapped IPv6 address (::ffff:127.0.0.1) reaches the IPv4 host.
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) return privateRanges.check(mapped[1]!, "ipv4");
  const hex = /^::ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/i.exec(address);
  if (hex) {
    const value = (parseInt(hex[1]!, 16) << 16) | parseInt(hex[2]!, 16);
    return privateRanges.check([24, 16, 8, 0].map((shift) => (value >>> shift) & 255).join("."), "ipv4");
  }
  return privateRanges.check(address, "ipv6");
}

class RefusedAddress extends Error {
  constructor(
    readonly host: string,
    readonly address: string,
  ) {
    super(`${host} → ${address}`);
  }
}

type LookupCallback = (error: NodeJS.ErrnoException | null, address: string | dns.LookupAddress[], family?: number) => void;

/**
 * Resolves a host name and refuses it when any of its addresses is private: the check happens
 * where the socket gets its address, so a DNS answer that changes between a check and the
 * connection (rebinding) cannot slip through.
 */
function guardedLookup(allowPrivate: boolean) {
  return (hostname: string, options: dns.LookupOptions, callback: LookupCallback) => {
    dns.lookup(hostname, { ...options, all: true }, (error, addresses) => {
      if (error) return callback(error, []);
      const refused = allowPrivate ? undefined : addresses.find((entry) => isPrivateAddress(entry.address));
      if (refused) return callback(new RefusedAddress(hostname, refused.address) as NodeJS.ErrnoException, []);
      if (options.all) return callback(null, addresses);
      const first = addresses[0]!;
      callback(null, first.address, first.family);
    });
  };
}

const refused = (url: string, reason: { fr: string; en: string }) => new ResolveError("fetch-refused", { url, reason: reason.fr, reasonEn: reason.en });

/** Only http(s); an address given as an IP literal is checked here, as no lookup happens for it. */
function checkTarget(url: URL, limits: FetchLimits, from?: URL): void {
  if (url.protocol !== "https:" && url.protocol !== "http:") {
    throw refused(url.href, { fr: `seuls http: et https: sont permis, pas ${url.protocol}`, en: `only http: and https: are allowed, not ${url.protocol}` });
  }
  if (from?.protocol === "https:" && url.protocol === "http:") {
    throw refused(url.href, { fr: `redirection de ${from.href} de https vers http`, en: `redirect from ${from.href} downgrades https to http` });
  }
  const host = url.hostname.replace(/^\[|\]$/g, "");
  if (!limits.allowPrivateNetwork && net.isIP(host) !== 0 && isPrivateAddress(host)) throw privateRefusal(url.href, host);
}

function privateRefusal(url: string, address: string): ResolveError {
  return refused(url, {
    fr: `adresse ${address} du réseau local ou privé (autorisez-la avec --allow-private-network ou allowPrivateNetwork: true)`,
    en: `address ${address} is on a local or private network (allow it with --allow-private-network or allowPrivateNetwork: true)`,
  });
}

function request(url: URL, limits: FetchLimits, signal: AbortSignal, headers: Record<string, string>): Promise<IncomingMessage> {
  return new Promise((resolve, reject) => {
    const client = url.protocol === "https:" ? https : http;
    const req = client.request(url, {
      method: "GET",
      headers: { "accept-encoding": "gzip, deflate, br", "user-agent": "conforme", ...headers },
      lookup: guardedLookup(limits.allowPrivateNetwork === true) as unknown as typeof dns.lookup,
      signal,
    });
    req.on("response", resolve);
    req.on("error", reject);
    req.end();
  });
}

/** The body as it was before `content-encoding`; unknown encodings are refused, not guessed. */
function decoded(response: IncomingMessage, url: string): Readable {
  const encoding = (response.headers["content-encoding"] ?? "identity").toLowerCase().trim();
  if (encoding === "identity" || encoding === "") return response;
  const decoder =
    encoding === "gzip" || encoding === "x-gzip"
      ? zlib.createGunzip()
      : encoding === "deflate"
        ? zlib.createInflate()
        : encoding === "br"
          ? zlib.createBrotliDecompress()
          : undefined;
  if (!decoder) {
    response.destroy();
    throw refused(url, { fr: `encodage de contenu inconnu « ${encoding} »`, en: `unknown content encoding "${encoding}"` });
  }
  response.on("error", (error) => decoder.destroy(error));
  return response.pipe(decoder);
}

/**
 * Downloads `url` under the fetch rules: http(s) only, redirects followed by hand (at most 5, each
 * hop checked again: scheme, https kept, address), no private address unless allowed, one
 * time-out for the whole download body included, and a cap on decompressed bytes counted while
 * streaming (a small gzip can inflate without end). Every failure is a `ResolveError` naming the
 * URL: `fetch-refused`, `too-large`, `http-error`, `network-error`.
 */
export async function fetchBody(url: string, limits: FetchLimits = {}, headers: Record<string, string> = {}): Promise<Buffer> {
  const timeoutMs = limits.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const maxBytes = limits.maxDownloadBytes ?? DEFAULT_MAX_DOWNLOAD_BYTES;
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  let current: URL;
  try {
    current = new URL(url);
  } catch {
    clearTimeout(timer);
    throw refused(url, { fr: "URL invalide", en: "invalid URL" });
  }
  try {
    let previous: URL | undefined;
    for (let hop = 0; ; hop++) {
      checkTarget(current, limits, previous);
      const response = await request(current, limits, controller.signal, headers);
      const status = response.statusCode ?? 0;
      const location = response.headers.location;
      if (status >= 300 && status < 400 && location !== undefined) {
        response.destroy();
        if (hop >= MAX_REDIRECTS) throw refused(url, { fr: `plus de ${MAX_REDIRECTS} redirections`, en: `more than ${MAX_REDIRECTS} redirects` });
        previous = current;
        current = new URL(location, current);
        continue;
      }
      if (status < 200 || status >= 300) {
        response.destroy();
        throw new ResolveError("http-error", { url: current.href, status });
      }
      const declared = Number(response.headers["content-length"]);
      if (response.headers["content-encoding"] === undefined && Number.isFinite(declared) && declared > maxBytes) {
        response.destroy();
        throw tooLarge(current.href, maxBytes);
      }
      const chunks: Buffer[] = [];
      let total = 0;
      const body = decoded(response, current.href);
      try {
        for await (const chunk of body) {
          total += (chunk as Buffer).length;
          if (total > maxBytes) throw tooLarge(current.href, maxBytes);
          chunks.push(chunk as Buffer);
        }
      } finally {
        body.destroy();
        response.destroy();
      }
      return Buffer.concat(chunks);
    }
  } catch (error) {
    if (error instanceof ResolveError) throw error;
    if (error instanceof RefusedAddress) throw privateRefusal(current.href, error.address);
    const cause = controller.signal.aborted
      ? `délai de ${Math.round(timeoutMs / 1000)} s dépassé / timeout`
      : error instanceof Error
        ? ((error.cause as Error | undefined)?.message ?? error.message)
        : String(error);
    throw new ResolveError("network-error", { url: current.href, cause }, { cause: error });
  } finally {
    clearTimeout(timer);
  }
}

function tooLarge(url: string, maxBytes: number): ResolveError {
  return new ResolveError("too-large", { url, limit: `${Math.round(maxBytes / 1024 / 1024)} Mio` });
}
