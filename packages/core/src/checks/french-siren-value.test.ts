import { describe, expect, it } from "vitest";
import { frenchSirenValue } from "./french-siren-value.js";
import { runOnColumn } from "./testing.js";

const valid: string[] = ["732829320", "356000000", "524 991 205"];

const invalid: [string, string][] = [
  ["732829321", "checksum"],
  ["73282932", "length"],
  ["ABCDEFGHI", "length"],
];

describe("french-siren-value", () => {
  it.each(valid)("accepts %s", async (value) => {
    expect(await runOnColumn(frenchSirenValue, [value])).toEqual([]);
  });

  it.each(invalid)("rejects %s (%s)", async (value, messageId) => {
    expect(await runOnColumn(frenchSirenValue, [value])).toEqual([
      { code: "french-siren-value", messageId, rowNumber: 2, fieldName: "x" },
    ]);
  });

  it("skips empty cells and reports each invalid row at its own row", async () => {
    const [bad] = invalid[0] ?? ["", ""];
    const drafts = await runOnColumn(frenchSirenValue, ["", valid[0] ?? "", bad]);
    expect(drafts.map((draft) => draft.rowNumber)).toEqual([4]);
  });
});
