import { describe, expect, it } from "vitest";
import { colorFlag, parseCommandArgs, UsageError, useColor, type Io } from "./io.js";

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
    expect((error as UsageError).footer).toContain("conforme lint --help");
  });

  it("names the unknown option and the known ones, for a suggestion", () => {
    try {
      parseCommandArgs("lint", ["--shema", "s.json"], options);
      expect.unreachable();
    } catch (error) {
      expect((error as UsageError).unknown).toEqual({ word: "--shema", candidates: ["--schema", "--offline"] });
    }
  });

  it("reads valid options and positionals", () => {
    expect(parseCommandArgs("lint", ["a.csv", "--schema", "s.json", "--offline"], options)).toMatchObject({
      values: { schema: "s.json", offline: true },
      positionals: ["a.csv"],
    });
  });
});

describe("useColor", () => {
  const tty = { isTTY: true } as Io["stdout"];
  const pipe = { isTTY: false } as Io["stdout"];
  it.each([
    ["a terminal", tty, {}, undefined, true],
    ["a pipe", pipe, {}, undefined, false],
    ["NO_COLOR=1 on a terminal", tty, { NO_COLOR: "1" }, undefined, false],
    ["an empty NO_COLOR", tty, { NO_COLOR: "" }, undefined, true],
    ["FORCE_COLOR=1 on a pipe", pipe, { FORCE_COLOR: "1" }, undefined, true],
    ["FORCE_COLOR=3 on a pipe", pipe, { FORCE_COLOR: "3" }, undefined, true],
    ["FORCE_COLOR=0 on a terminal", tty, { FORCE_COLOR: "0" }, undefined, false],
    ["NO_COLOR over FORCE_COLOR", pipe, { NO_COLOR: "1", FORCE_COLOR: "1" }, undefined, false],
    ["--color over NO_COLOR", pipe, { NO_COLOR: "1" }, true, true],
    ["--no-color over FORCE_COLOR on a terminal", tty, { FORCE_COLOR: "2" }, false, false],
  ] as const)("%s", (_name, stream, env, flag, expected) => {
    expect(useColor(stream, env, flag)).toBe(expected);
  });

  it.each([
    [[], undefined],
    [["--color"], true],
    [["--no-color"], false],
    [["--color", "x.csv", "--no-color"], false],
    [["--", "--color"], undefined],
  ])("colorFlag(%o) is %s", (args, expected) => {
    expect(colorFlag(args)).toBe(expected);
  });
});
