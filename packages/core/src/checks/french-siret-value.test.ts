import { describe, expect, it } from "vitest";
import { frenchSiretValue } from "./french-siret-value.js";
import { runCheck, runOnColumn } from "./testing.js";

// La Poste (SIREN 356000000): digit sum a multiple of 5, Luhn or not; its head office
// 35600000000048 follows Luhn (digit sum 26). Numbers computed for these cases.
const valid: string[] = [
  "52499120500013",
  "21060004500392",
  "524 991 205 00013",
  "35600000000048",
  "35600000000001",
  "35600000000006",
  "35600000000097",
];

const invalid: [string, string][] = [
  ["21860194600000", "checksum"],
  ["218601946", "length"],
  ["32402138500000.0", "length"],
  ["67895644300011", "checksum"],
  ["5249912050001A", "length"],
  ["35600000000014", "checksum"],
  ["35600000000022", "checksum"],
  ["35600000000002", "checksum"],
];

describe("french-siret-value", () => {
  it.each(valid)("accepts %s", async (value) => {
    expect(await runOnColumn(frenchSiretValue, [value])).toEqual([]);
  });

  it.each(invalid)("rejects %s (%s)", async (value, messageId) => {
    expect(await runOnColumn(frenchSiretValue, [value])).toEqual([
      { code: "french-siret-value", messageId, rowNumber: 2, fieldName: "x" },
    ]);
  });

  it("skips empty cells and reports each invalid row at its own row", async () => {
    const [bad] = invalid[0] ?? ["", ""];
    const drafts = await runOnColumn(frenchSiretValue, ["", valid[0] ?? "", bad]);
    expect(drafts.map((draft) => draft.rowNumber)).toEqual([4]);
  });
});

describe("french-siret-value on a SIRET saved by Excel in scientific notation", () => {
  it.each(["2,106E+13", "5.2499E+13"])("says %s lost its digits (hint excelScientific)", async (value) => {
    const [draft] = await runCheck(frenchSiretValue, { column: "x" }, { fieldNames: ["x"], rows: [[value]] });
    expect(draft?.messageId).toBe("length");
    expect((draft?.data?.hint as { id?: string } | undefined)?.id).toBe("excelScientific");
  });

  it("gives no hint to a plain wrong length", async () => {
    const [draft] = await runCheck(frenchSiretValue, { column: "x" }, { fieldNames: ["x"], rows: [["218601946"]] });
    expect(draft?.data?.hint).toBeUndefined();
  });
});
