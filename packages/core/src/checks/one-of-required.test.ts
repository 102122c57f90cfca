import { describe, expect, it } from "vitest";
import { oneOfRequired } from "./one-of-required.js";
import { runCheck } from "./testing.js";

const options = { column1: "idBeneficiaire", column2: "rnaBeneficiaire" };
const fieldNames = ["idBeneficiaire", "rnaBeneficiaire"];

const cases: { name: string; rows: string[][]; labels?: string[]; expected: [string, number | undefined][] }[] = [
  { name: "first only", rows: [["52499120500013", ""]], expected: [] },
  { name: "second only", rows: [["", "W333216789"]], expected: [] },
  { name: "both", rows: [["52499120500013", "W333216789"]], expected: [] },
  { name: "neither, on the row", rows: [["x", ""], ["", ""]], expected: [["bothEmpty", 3]] },
  { name: "one column absent: the other is required", labels: ["idBeneficiaire"], rows: [["1"], [""]], expected: [["bothEmpty", 3]] },
  { name: "both columns absent: once for the file", labels: ["other"], rows: [["1"], [""]], expected: [["bothMissing", undefined]] },
];

describe("one-of-required", () => {
  it.each(cases)("$name", async ({ rows, labels, expected }) => {
    const drafts = await runCheck(oneOfRequired, options, labels ? { fieldNames, labels, rows } : { fieldNames, rows });
    expect(drafts.map((draft) => [draft.messageId, draft.rowNumber])).toEqual(expected);
    for (const draft of drafts) expect(draft.fieldName).toBeUndefined();
  });

  it("accepts Validata's older `column` name for the first column", async () => {
    const drafts = await runCheck(oneOfRequired, { column: "a", column2: "b" }, { fieldNames: ["a", "b"], rows: [["", ""]] });
    expect(drafts.map((draft) => draft.messageId)).toEqual(["bothEmpty"]);
  });
});
