import type { PersonalDataKind } from "./types.js";

const STAR = "*";

function hideWord(word: string): string {
  if (word.length <= 1) return STAR;
  return word[0] + STAR.repeat(Math.min(3, word.length - 1));
}

function hideDigits(text: string, keepStart: number, keepEnd: number): string {
  const total = (text.match(/\d/g) ?? []).length;
  let seen = 0;
  return text.replace(/\d/g, (d) => {
    seen++;
    return seen <= keepStart || seen > total - keepEnd ? d : STAR;
  });
}

function hideAlnum(text: string, keepStart: number, keepEnd: number): string {
  const total = (text.match(/[A-Za-z0-9]/g) ?? []).length;
  let seen = 0;
  return text.replace(/[A-Za-z0-9]/g, (c) => {
    seen++;
    return seen <= keepStart || seen > total - keepEnd ? c : STAR;
  });
}

/** Words of an address kept in clear: street types and small words say nothing about the person. */
const ADDRESS_KEEP =
  /^(?:rue|avenue|boulevard|bd|chemin|impasse|allée|allee|place|route|quai|cours|square|résidence|residence|lotissement|hameau|voie|passage|sentier|lieu-dit|de|du|des|la|le|les|l'|d'|bis|ter|domicilié|domiciliée|demeurant|au|à)$/i;

/**
 * Masks a personal value so that findings can show its shape without the value itself:
 * `jean.dupont@example.fr` → `j***@e***.fr`, `06 12 34 56 78` → `06 ** ** ** 78`.
 * Every output hides most of the identifying characters; the kind decides what shape stays.
 */
export function mask(kind: PersonalDataKind | "text", value: string): string {
  const v = value.trim();
  switch (kind) {
    case "email": {
      const at = v.lastIndexOf("@");
      if (at < 0) return hideWord(v);
      const domain = v.slice(at + 1);
      const dot = domain.lastIndexOf(".");
      const tld = dot >= 0 ? domain.slice(dot) : "";
      return `${hideWord(v.slice(0, at))}@${hideWord(dot >= 0 ? domain.slice(0, dot) : domain)}${tld}`;
    }
    case "phone":
      return hideDigits(v, v.startsWith("+") || v.startsWith("00") ? 3 : 2, 2);
    case "nir":
      return hideDigits(v.replace(/2[AB]/i, "**"), 1, 0);
    case "iban":
      return hideAlnum(v, 4, 2);
    case "card":
      return hideDigits(v, 0, 4);
    case "id-document":
    case "plate":
      return hideAlnum(v, 1, 0);
    case "birth-date":
      return v.replace(/\d/g, STAR);
    case "ip":
      return v.includes(":") ? v.replace(/[0-9a-f]+(?=:|$)/gi, (g, i: number) => (i === 0 ? g : STAR)) : v.replace(/\.\d+/g, `.${STAR}`);
    case "coordinates":
      return v.replace(/(\d+[.,]\d)\d+/g, (_, head: string) => `${head}${STAR.repeat(3)}`);
    case "address":
      return v
        .split(/\s+/)
        .map((w) => (ADDRESS_KEEP.test(w) ? w : /\d/.test(w) ? w.replace(/\d/g, STAR) : hideWord(w)))
        .join(" ");
    case "person-name":
    case "text":
    default:
      return v
        .split(/\s+/)
        .map((w) => (/^(?:M\.|Mme|Mlle|Monsieur|Madame|Mademoiselle|de|du|le|la)$/i.test(w) ? w : w.replace(/[\p{L}\d]+/gu, hideWord)))
        .join(" ");
  }
}
