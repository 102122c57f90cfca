import { testCheck } from "./check-tester.js";
import { yearIntervalValue } from "./year-interval-value.js";

testCheck(yearIntervalValue, {
  valid: ["2017/2018", "1999/2024"],
  invalid: [
    { value: "2018", errors: ["format"] },
    { value: "2018/2018", errors: ["sameYears"] },
    { value: "2018/2017", errors: ["decreasing"] },
    { value: "18/19", errors: ["format"] },
    { value: "2017-2018", errors: ["format"] },
  ],
});
