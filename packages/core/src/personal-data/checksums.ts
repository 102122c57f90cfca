/** Luhn (ISO/IEC 7812-1) over a string of digits. */
export function luhn(digits: string): boolean {
  let sum = 0;
  let double = false;
  for (let i = digits.length - 1; i >= 0; i--) {
    let d = digits.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return false;
    if (double) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
    double = !double;
  }
  return sum % 10 === 0;
}

/** Remainder modulo 97 of a long decimal string, computed piecewise (no BigInt needed). */
export function mod97(digits: string): number {
  let rest = 0;
  for (let i = 0; i < digits.length; i += 7) {
    rest = Number(String(rest) + digits.slice(i, i + 7)) % 97;
  }
  return rest;
}

/**
 * NIR key: 97 − (13-digit body mod 97), with Corsica 2A → 19 and 2B → 18 in the body
 * (INSEE rule; python-stdnum `stdnum/fr/nir.py`).
 */
export function nirKey(body: string): number {
  const numeric = body.replace("2A", "19").replace("2B", "18");
  return 97 - mod97(numeric);
}

/**
 * French RIB key: 97 − ((89 × bank + 15 × branch + 3 × account) mod 97), account letters mapped
 * A/J→1, B/K/S→2 … I/R/Z→9 (the RIB key of French bank details).
 */
export function ribKeyValid(rib: string): boolean {
  if (!/^\d{10}[0-9A-Z]{11}\d{2}$/.test(rib)) return false;
  const account = rib.slice(10, 21).replace(/[A-Z]/g, (c) => String(((c.charCodeAt(0) - 65 + (c >= "S" ? 1 : 0)) % 9) + 1));
  const total = mod97(rib.slice(0, 5)) * 89 + mod97(rib.slice(5, 10)) * 15 + mod97(account) * 3;
  return 97 - (total % 97) === Number(rib.slice(21, 23));
}
