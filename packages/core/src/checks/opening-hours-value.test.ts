import { testCheck } from "./check-tester.js";
import { openingHoursValue } from "./opening-hours-value.js";

testCheck(openingHoursValue, {
  valid: ["24/7", "Mo-Fr 08:00-18:00", "Mo-Fr 08:00-12:00,14:00-18:00; Sa 09:00-12:00", "Mo-Fr 08:00-18:00; PH off", "2020 Jan 01 off"],
  invalid: [
    { value: "true", errors: ["syntax"] },
    { value: "Mo-Fr 08h00-18h00", errors: ["syntax"] },
    { value: "Mo-Fr 8-18", errors: ["corrected"] },
    { value: "Lundi-vendredi 8h-18h", errors: ["corrected"] },
    { value: "Mo-Fr 08:00-18:00;", errors: ["corrected"] },
  ],
});
