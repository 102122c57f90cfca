export { compileField, describeType, FieldError } from "./compile-field.js";
export { compilePattern, translatePattern, PatternError } from "./pattern.js";
export type { CompiledPattern } from "./pattern.js";
export { dateToIso } from "./types/temporal.js";
export type { DateValue, DateTimeValue, TimeValue, YearMonthValue, DurationValue } from "./types/temporal.js";
export type { GeoPoint } from "./types/json.js";
export type { IntegerValue } from "./types/numeric.js";
export { VALUE_DEVIATIONS } from "./value-deviations.js";
