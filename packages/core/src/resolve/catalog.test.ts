import { describe, expect, it } from "vitest";
import { loadYaml } from "../yaml-module.js";
import { parseDocument } from "./catalog.js";
import { ResolveError } from "./errors.js";

function failure(text: string, url: string): ResolveError {
  try {
    parseDocument(text, url);
  } catch (error) {
    if (error instanceof ResolveError) return error;
    throw error;
  }
  throw new Error("parsed");
}

// Issue 12: a malformed schema is a clear error saying where, never a bare "position 24".
describe("parseDocument on a malformed document", () => {
  it.each([
    ['{"fields": [{"name":"a",}]}', 1, 25],
    ['{\n  "fields": [\n    {"name": "a" "type": "string"}\n  ]\n}', 3, 18],
    ['\uFEFF{\r\n  "fields": [\r\n', 3, 1],
    ["", 1, 1],
  ])("%j: invalid-json at line %i, column %i", (text, line, column) => {
    const error = failure(text, "schema.json");
    expect(error.code).toBe("invalid-json");
    expect(error.data).toMatchObject({ line, column });
    expect(error.messages.fr).toContain(`ligne ${line}, colonne ${column}`);
    expect(error.messages.en).toContain(`line ${line}, column ${column}`);
  });

  it("takes the line and column of a YAML error from the yaml package", async () => {
    await loadYaml();
    expect(failure("fields:\n  - name: a\n   bad: [\n", "schema.yaml").data).toMatchObject({ line: 3 });
  });
});
