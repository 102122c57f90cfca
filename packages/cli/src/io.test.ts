import { describe, expect, it } from "vitest";
import { parseCommandArgs, UsageError } from "./io.js";

const options = { schema: { type: "string" }, offline: { type: "boolean" } } as const;

describe("parseCommandArgs", () => {
  it.each([
    [["--bogus"], "option inconnue « --bogus »"],
    [["--schema"], "l'option « --schema » attend une valeur"],
    [["--offline=oui"], "l'option « --offline » ne prend pas de valeur"],
  ])("%o is a usage error said in French, pointing to --help", (args, said) => {
    const error = (() => {
      try {
        parseCommandArgs("lint", args, options);
      } catch (caught) {
        return caught;
      }
      return undefined;
    })();
    expect(error).toBeInstanceOf(UsageError);
    expect((error as Error).message).toContain(said);
    expect((error as Error).message).toContain("conforme lint --help");
  });

  it("reads valid options and positionals", () => {
    expect(parseCommandArgs("lint", ["a.csv", "--schema", "s.json", "--offline"], options)).toMatchObject({
      values: { schema: "s.json", offline: true },
      positionals: ["a.csv"],
    });
  });
});
