import { testCheck } from "./check-tester.js";
import { codeRna } from "./code-rna.js";

testCheck(codeRna, {
  valid: ["W333216789", "W751234567"],
  invalid: [
    { value: "W3222", errors: ["format"] },
    { value: "w333216789", errors: ["format"] },
    { value: "333216789", errors: ["format"] },
    { value: "W33321678A", errors: ["format"] },
  ],
});
