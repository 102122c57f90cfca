import fc from "fast-check";

// Generators of French personal data with valid check digits, so that conforme's detectors
// (which verify them) recognise each value as a real one could be.

const digits = (length: number) => fc.array(fc.integer({ min: 0, max: 9 }), { minLength: length, maxLength: length }).map((ds) => ds.join(""));
const pad = (value: number, length: number) => String(value).padStart(length, "0");

/** A NIR: sex, year, month, département (not Corsica), commune, order, key 97 − (13 digits mod 97) (INSEE). */
export const nir = fc
  .record({
    sex: fc.constantFrom("1", "2"),
    year: fc.integer({ min: 0, max: 99 }),
    month: fc.integer({ min: 1, max: 12 }),
    department: fc.integer({ min: 1, max: 95 }).filter((d) => d !== 20),
    commune: fc.integer({ min: 1, max: 990 }),
    order: fc.integer({ min: 1, max: 999 }),
  })
  .map(({ sex, year, month, department, commune, order }) => {
    const thirteen = `${sex}${pad(year, 2)}${pad(month, 2)}${pad(department, 2)}${pad(commune, 3)}${pad(order, 3)}`;
    return `${thirteen}${pad(97 - Number(BigInt(thirteen) % 97n), 2)}`;
  });

/** A French IBAN: bank, branch, account, RIB key, ISO 13616 check digits (mod 97). */
export const iban = fc.record({ bank: digits(5), branch: digits(5), account: digits(11) }).map(({ bank, branch, account }) => {
  const ribKey = 97 - Number((89n * BigInt(bank) + 15n * BigInt(branch) + 3n * BigInt(account)) % 97n);
  const bban = `${bank}${branch}${account}${pad(ribKey, 2)}`;
  const check = 98 - Number(BigInt(`${bban}152700`) % 97n);
  return `FR${pad(check, 2)}${bban}`;
});

/** A 16-digit Visa number with its Luhn check digit. */
export const card = digits(14).map((fourteen) => {
  const body = `4${fourteen}`;
  let sum = 0;
  for (let k = 0; k < 15; k++) {
    let digit = Number(body[14 - k]);
    if (k % 2 === 0) digit = digit * 2 > 9 ? digit * 2 - 9 : digit * 2;
    sum += digit;
  }
  return `${body}${(10 - (sum % 10)) % 10}`;
});

// Ranges ARCEP allocates to mobiles, as libphonenumber's metadata for FR lists them: an
// unallocated number (07 00 …) is no one's and is rightly left as it is.
const MOBILE = /^0(?:6(?:[0-24-8]\d|3[0-8]|9[589])|7[3-9]\d)\d{6}$/;

/** A French mobile number in an allocated range, compact (0612345678). */
export const phone = fc
  .tuple(fc.constantFrom("6", "7"), digits(8))
  .map(([kind, rest]) => `0${kind}${rest}`)
  .filter((number) => MOBILE.test(number));

const SURNAMES = ["Dupontel", "Kowalczyk", "Marchetti", "Rousselot", "Perrichon", "Vasseur", "Lefebvre", "Tremblay", "Garnier", "Bouvier"];
const FIRST_NAMES = ["Jeanne", "Marcel", "Sabine", "Thierry", "Odile", "Rosalie", "Gaston", "Clarisse", "Agnès", "Denis"];

export const surname = fc.constantFrom(...SURNAMES);
export const firstName = fc.constantFrom(...FIRST_NAMES);

/** An e-mail address made of a person's names. */
export const email = fc
  .tuple(firstName, surname, fc.constantFrom("gmail.com", "orange.fr", "free.fr", "laposte.net"), fc.integer({ min: 0, max: 99 }))
  .map(([first, last, domain, n]) => `${first.toLowerCase().normalize("NFD").replace(/\p{M}/gu, "")}.${last.toLowerCase()}${n}@${domain}`);

/** The ways a value is written in a file: as is, or in groups separated by spaces. */
export function written(value: string, spaced: boolean): string {
  if (!spaced || value.includes("@")) return value;
  if (value.startsWith("FR")) return value.replace(/(.{4})/g, "$1 ").trim();
  if (value.length === 10) return value.replace(/(\d{2})(?=\d)/g, "$1 ");
  if (value.length === 15) return `${value[0]} ${value.slice(1, 3)} ${value.slice(3, 5)} ${value.slice(5, 7)} ${value.slice(7, 10)} ${value.slice(10, 13)} ${value.slice(13)}`;
  return value.replace(/(\d{4})(?=\d)/g, "$1 ");
}
