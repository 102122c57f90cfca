import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
// @ts-expect-error plain ESM script without declarations
import { releaseTags, sharedVersion, withSchemaVersion } from "../scripts/release.mjs";
import { repoRoot } from "./shared.js";

describe("release script (docs/release.md)", () => {
  it.each([
    ["1.0.0", "v1.0.0", "v1"],
    ["1.4.2", "v1.4.2", "v1"],
    ["2.0.0", "v2.0.0", "v2"],
    ["0.3.1", "v0.3.1", undefined],
  ])("%s is tagged %s and moves %s", (version, tag, major) => {
    expect(releaseTags(version)).toEqual({ tag, major });
  });

  it.each(["1.0.0-rc.1", "v1.0.0", "1.0"])("refuses %s", (version) => {
    expect(() => releaseTags(version)).toThrow();
  });

  it("both packages share the version, and the docs name its config schema", async () => {
    const version = (await sharedVersion()) as string;
    const docs = readFileSync(path.join(repoRoot, "docs/configuration.md"), "utf8");
    expect(withSchemaVersion(docs, version)).toBe(docs);
    expect(withSchemaVersion(docs, "9.9.9")).toContain("@conforme/core@9.9.9/dist/config.schema.json");
    expect(withSchemaVersion(docs, "9.9.9")).not.toContain(`@conforme/core@${version}/`);
  });
});
