import { testCheck } from "./check-tester.js";
import { frenchSirenValue } from "./french-siren-value.js";

testCheck(frenchSirenValue, {
  valid: ["732829320", "356000000", "524 991 205"],
  invalid: [
    { value: "732829321", errors: ["checksum"] },
    { value: "73282932", errors: ["length"] },
    { value: "ABCDEFGHI", errors: ["length"] },
  ],
});
