import { testCheck } from "./check-tester.js";
import { frenchGpsCoordinates } from "./french-gps-coordinates.js";

testCheck(frenchGpsCoordinates, {
  valid: ["2.3522, 48.8566", "[5.7118754,45.1800016]", '{"lon": 55.45, "lat": -21.1}', "-61.5, 16.2", "-53, 4"],
  invalid: [
    { value: "48.8566, 2.3522", errors: [{ messageId: "reversed", code: "reversed-french-gps-coordinates", rowNumber: 2, fieldName: "x" }] },
    { value: "-74.0, 40.7", errors: ["outside"] },
    { value: "0, 0", errors: ["outside"] },
  ],
});
