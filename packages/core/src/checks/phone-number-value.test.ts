import { describe, expect, it } from "vitest";
import { phoneNumberValue } from "./phone-number-value.js";
import { runOnColumn } from "./testing.js";

// 476544254 (no leading 0) is valid: libphonenumber, like python-phonenumbers in Validata, reads
// it as the national number of 04 76 54 42 54 (see docs/checks/phone-number-value.md).
const valid: string[] = ["476544254", "0476544254", "04 76 54 42 54", "+33 4 76 54 42 54", "+44 20 7946 0958", "115", "3949", "15", "112", "3631"];

const invalid: [string, string][] = [
  ["0076544254", "invalid"],
  ["12", "invalid"],
  ["abc", "invalid"],
  ["+33 12", "invalid"],
];

describe("phone-number-value", () => {
  it.each(valid)("accepts %s", async (value) => {
    expect(await runOnColumn(phoneNumberValue, [value])).toEqual([]);
  });

  it.each(invalid)("rejects %s (%s)", async (value, messageId) => {
    expect(await runOnColumn(phoneNumberValue, [value])).toEqual([
      { code: "phone-number-value", messageId, rowNumber: 2, fieldName: "x" },
    ]);
  });

  it("skips empty cells and reports each invalid row at its own row", async () => {
    const [bad] = invalid[0] ?? ["", ""];
    const drafts = await runOnColumn(phoneNumberValue, ["", valid[0] ?? "", bad]);
    expect(drafts.map((draft) => draft.rowNumber)).toEqual([4]);
  });
});
