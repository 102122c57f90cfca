import { testCheck } from "./check-tester.js";
import { phoneNumberValue } from "./phone-number-value.js";

// 476544254 (no leading 0) is valid: libphonenumber, like python-phonenumbers in Validata, reads
// it as the national number of 04 76 54 42 54 (see docs/checks/phone-number-value.md).
testCheck(phoneNumberValue, {
  valid: ["476544254", "0476544254", "04 76 54 42 54", "+33 4 76 54 42 54", "+44 20 7946 0958", "115", "3949", "15", "112", "3631"],
  invalid: [
    { value: "0076544254", errors: ["invalid"] },
    { value: "12", errors: ["invalid"] },
    { value: "abc", errors: ["invalid"] },
    { value: "+33 12", errors: ["invalid"] },
  ],
});
