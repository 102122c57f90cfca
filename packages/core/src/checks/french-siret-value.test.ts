import { describe, expect, it } from "vitest";
import { runChecks, testCheck } from "./check-tester.js";
import { frenchSiretValue } from "./french-siret-value.js";

// La Poste (SIREN 356000000): digit sum a multiple of 5, Luhn or not; its head office
// 35600000000048 follows Luhn (digit sum 26). Numbers computed for these cases.
testCheck(frenchSiretValue, {
  valid: ["52499120500013", "21060004500392", "524 991 205 00013", "35600000000048", "35600000000001", "35600000000006", "35600000000097"],
  invalid: [
    { value: "21860194600000", errors: ["checksum"] },
    { value: "218601946", errors: ["length"] },
    { value: "32402138500000.0", errors: ["length"] },
    { value: "67895644300011", errors: ["checksum"] },
    { value: "5249912050001A", errors: ["length"] },
    { value: "35600000000014", errors: ["checksum"] },
    { value: "35600000000022", errors: ["checksum"] },
    { value: "35600000000002", errors: ["checksum"] },
    // A SIRET saved by Excel in scientific notation: the finding says it lost its digits.
    ...["2,106E+13", "5.2499E+13"].map((value) => ({
      value,
      errors: [{ messageId: "length" as const, data: { hint: expect.objectContaining({ id: "excelScientific" }) } }],
    })),
  ],
});

describe("french-siret-value on a plain wrong length", () => {
  it("gives no hint", () => {
    const [finding] = runChecks([frenchSiretValue], { labels: ["x"], rows: [["218601946"]] }, { options: { "french-siret-value": { column: "x" } } });
    expect(finding?.messageId).toBe("length");
    expect(finding?.data.hint).toBeUndefined();
  });
});
