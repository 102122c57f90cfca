/**
 * Update frequencies as data.gouv.fr (udata `UpdateFrequency`, `udata/core/dataset/constants.py`)
 * defines them, with the delta the quality score adds to the last update. `null` means the
 * frequency has no delta (the "in time" criterion then always holds). Deltas marked
 * "interpretation" in `docs/metadata.md` follow the same rule as their documented siblings.
 */
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

export const FREQUENCIES_SOURCE = {
  id: "udata-update-frequency",
  source: "opendatateam/udata udata/core/dataset/constants.py (UpdateFrequency)",
  date: "2025-08-18",
} as const;

export const FREQUENCY_DELTAS: Readonly<Record<string, number | null>> = {
  continuous: null,
  oneMinute: MINUTE,
  fiveMinutes: 5 * MINUTE,
  tenMinutes: 10 * MINUTE,
  fifteenMinutes: 15 * MINUTE,
  thirtyMinutes: 30 * MINUTE,
  hourly: HOUR,
  bihourly: 2 * HOUR,
  trihourly: 3 * HOUR,
  sixHours: 6 * HOUR,
  eightHours: 8 * HOUR,
  twelveHours: 12 * HOUR,
  severalTimesADay: DAY,
  threeTimesADay: DAY,
  semidaily: DAY,
  daily: DAY,
  semiweekly: 7 * DAY,
  threeTimesAWeek: 7 * DAY,
  weekly: 7 * DAY,
  biweekly: 14 * DAY,
  semimonthly: 31 * DAY,
  threeTimesAMonth: 31 * DAY,
  monthly: 31 * DAY,
  bimonthly: 62 * DAY,
  quarterly: 93 * DAY,
  threeTimesAYear: 365 * DAY,
  semiannual: 365 * DAY,
  annual: 365 * DAY,
  biennial: 730 * DAY,
  triennial: 1095 * DAY,
  quinquennial: 1825 * DAY,
  punctual: null,
  irregular: null,
  never: null,
  notPlanned: null,
  other: null,
  unknown: null,
};

/** Legacy udata ids, mapped as udata maps them. */
const LEGACY: Readonly<Record<string, string>> = {
  realtime: "continuous",
  fortnighly: "biweekly",
  biannual: "semiannual",
  fourTimesADay: "severalTimesADay",
  fourTimesAWeek: "other",
};

/** EU frequency authority codes (DCAT-AP `dct:accrualPeriodicity`) mapped onto udata ids. */
const EU_FREQUENCIES: Readonly<Record<string, string>> = {
  CONT: "continuous",
  UPDATE_CONT: "continuous",
  "1MIN": "oneMinute",
  "5MIN": "fiveMinutes",
  "10MIN": "tenMinutes",
  "15MIN": "fifteenMinutes",
  "30MIN": "thirtyMinutes",
  HOURLY: "hourly",
  BIHOURLY: "bihourly",
  TRIHOURLY: "trihourly",
  "6HRS": "sixHours",
  "12HRS": "twelveHours",
  DAILY_2: "semidaily",
  DAILY: "daily",
  WEEKLY_2: "semiweekly",
  WEEKLY_3: "threeTimesAWeek",
  WEEKLY: "weekly",
  BIWEEKLY: "biweekly",
  MONTHLY_2: "semimonthly",
  MONTHLY_3: "threeTimesAMonth",
  MONTHLY: "monthly",
  BIMONTHLY: "bimonthly",
  QUARTERLY: "quarterly",
  ANNUAL_3: "threeTimesAYear",
  ANNUAL_2: "semiannual",
  ANNUAL: "annual",
  BIENNIAL: "biennial",
  TRIENNIAL: "triennial",
  QUINQUENNIAL: "quinquennial",
  IRREG: "irregular",
  NEVER: "never",
  NOT_PLANNED: "notPlanned",
  OTHER: "other",
  UNKNOWN: "unknown",
  OP_DATPRO: "unknown",
};

const EU_BASE = "http://publications.europa.eu/resource/authority/frequency/";

/** The udata frequency id of a declared value (udata id, legacy id, EU code or URI), or undefined. */
export function normaliseFrequency(value: string | undefined): string | undefined {
  if (!value) return undefined;
  const raw = value.trim();
  if (raw in FREQUENCY_DELTAS) return raw;
  if (raw in LEGACY) return LEGACY[raw];
  const code = (raw.startsWith(EU_BASE) ? raw.slice(EU_BASE.length) : raw).toUpperCase();
  return EU_FREQUENCIES[code];
}

/** Delta of a frequency in milliseconds; null when it has none, undefined when unknown to conforme. */
export function frequencyDelta(frequency: string | undefined): number | null | undefined {
  const id = normaliseFrequency(frequency);
  return id === undefined ? undefined : FREQUENCY_DELTAS[id];
}
