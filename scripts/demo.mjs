#!/usr/bin/env node
// conforme's main job on the bundled examples: lint every example and write the HTML report.
// The examples hold deliberate errors; this script succeeds when conforme finds exactly the
// findings listed in each example's expected.json, and says what differs otherwise.
import { spawnSync } from "node:child_process";
import { readFileSync, readdirSync, existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const bin = path.join(root, "packages/cli/dist/bin.js");
const run = (args) => spawnSync(process.execPath, [bin, ...args], { cwd: root, encoding: "utf8", env: { ...process.env, FORCE_COLOR: "1" } });

const shown = run(["report", "examples", "--html", "conforme-report.html"]);
process.stdout.write(shown.stdout);
process.stderr.write(shown.stderr);
if (shown.status === 2) process.exit(2);

const json = JSON.parse(run(["lint", "examples", "--format", "json"]).stdout);
let differences = 0;
for (const name of readdirSync(path.join(root, "examples")).sort()) {
  const expectedFile = path.join(root, "examples", name, "expected.json");
  if (!existsSync(expectedFile)) continue;
  const expected = JSON.parse(readFileSync(expectedFile, "utf8"));
  for (const [file, findings] of Object.entries(expected.files)) {
    const actual = json.files.find((report) => report.file === file);
    const got = (actual?.findings ?? []).map((f) => `${f.code}@${f.rowNumber ?? "-"}:${f.fieldNumber ?? "-"}`).sort();
    const want = findings.map((f) => `${f.code}@${f.rowNumber ?? "-"}:${f.fieldNumber ?? "-"}`).sort();
    if (JSON.stringify(got) !== JSON.stringify(want)) {
      differences++;
      console.error(`\n${file}: expected ${want.join(", ") || "nothing"}\n${" ".repeat(file.length)}  found    ${got.join(", ") || "nothing"}`);
    }
  }
}
if (differences > 0) {
  console.error(`\n${differences} example file(s) differ from their expected.json.`);
  process.exit(1);
}
console.log("\nLes exemples donnent exactement les constats attendus (examples/*/expected.json) : les erreurs ci-dessus sont volontaires.");
