import path from "node:path";
import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "../../packages/core/src/internal-node.js";
import { folder } from "./folder.js";

// "Billion laughs": nine levels of nine aliases, 9^9 strings once expanded.
const aliasBomb = ["a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
  .concat("bcdefghi".split("").map((name, i) => `${name}: &${name} [${Array(9).fill(`*${"abcdefghi"[i]}`).join(", ")}]`))
  .join("\n");

async function issuesOf(files: Record<string, string>, options: { allowCode?: boolean } = {}): Promise<Array<{ file: string; key: string }>> {
  const cwd = folder(files);
  const error = await loadConfig({ cwd, ...options }).then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(ConfigError);
  return (error as ConfigError).issues.map((issue) => ({ file: path.basename(issue.file), key: issue.key }));
}

describe("hostile configuration files", () => {
  it.each([
    ["a YAML alias bomb", { "conforme.config.yaml": aliasBomb }, [{ file: "conforme.config.yaml", key: "" }]],
    ["an alias bomb in an extended file", { "conforme.config.yaml": "extends: ./base.yaml\n", "base.yaml": aliasBomb }, [{ file: "base.yaml", key: "" }]],
    ["nesting deeper than the stack", { "conforme.config.yaml": `lang: ${"[".repeat(50_000)}${"]".repeat(50_000)}\n` }, [{ file: "conforme.config.yaml", key: "" }]],
    ["a configuration over 1 MiB", { "conforme.config.yaml": `# ${"x".repeat(1_100_000)}\n` }, [{ file: "conforme.config.yaml", key: "" }]],
    [
      "files extending each other",
      { "conforme.config.yaml": "extends: ./a.yaml\n", "a.yaml": "extends: ./b.yaml\n", "b.yaml": "extends: ./a.yaml\n" },
      [{ file: "a.yaml", key: "extends" }],
    ],
  ])("%s is a configuration error, not a crash", async (_name, files, expected) => {
    expect(await issuesOf(files)).toEqual(expected);
  });

  it("a .mjs configuration runs only when code is allowed", async () => {
    const files = { "conforme.config.mjs": "globalThis.conformeConfigRan = true;\nexport default { lang: 'en' };\n" };
    expect(await issuesOf(files, { allowCode: false })).toEqual([{ file: "conforme.config.mjs", key: "" }]);
    expect((globalThis as { conformeConfigRan?: boolean }).conformeConfigRan).toBeUndefined();
    const yamlExtendingJs = { "conforme.config.yaml": "extends: ./shared.mjs\n", "shared.mjs": "export default {};\n" };
    expect(await issuesOf(yamlExtendingJs, { allowCode: false })).toEqual([{ file: "shared.mjs", key: "extends" }]);
    const loaded = await loadConfig({ cwd: folder(files) });
    expect(loaded.config.lang).toBe("en");
  });
});
