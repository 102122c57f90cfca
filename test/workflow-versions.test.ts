import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { WORKFLOW_ACTIONS, starterWorkflow } from "../packages/cli/src/commands/init.js";
import { repoRoot } from "./shared.js";

/**
 * The actions users are told to use (the workflow `conforme init` writes, the docs' examples)
 * are at the major version the repository's own workflows use; Dependabot keeps those current
 * (.github/dependabot.yml), so a major bump there fails here until the template and docs follow.
 * upload-sarif is not in the repository's workflows: its reference is WORKFLOW_ACTIONS.
 */
const USES = /uses:\s*([\w.-]+\/[\w./-]+)@(v\d+)\b/g;

function usesIn(text: string): Array<[string, string]> {
  return [...text.matchAll(USES)].map((match) => [match[1]!, match[2]!]);
}

const workflowsDir = path.join(repoRoot, ".github/workflows");
const current = new Map<string, string>();
for (const name of readdirSync(workflowsDir)) {
  for (const [action, major] of usesIn(readFileSync(path.join(workflowsDir, name), "utf8"))) current.set(action, major);
}
for (const reference of Object.values(WORKFLOW_ACTIONS)) {
  const [action, major] = reference.split("@") as [string, string];
  if (!current.has(action)) current.set(action, major);
}

const docs = [
  "README.md",
  ...readdirSync(path.join(repoRoot, "docs"))
    .filter((name) => name.endsWith(".md"))
    .map((name) => `docs/${name}`),
];

describe("actions named in templates and docs are at the current major", () => {
  it("the repository's workflows use each action at one major only", () => {
    const seen = new Map<string, Set<string>>();
    for (const name of readdirSync(workflowsDir)) {
      for (const [action, major] of usesIn(readFileSync(path.join(workflowsDir, name), "utf8"))) {
        seen.set(action, (seen.get(action) ?? new Set()).add(major));
      }
    }
    expect([...seen].filter(([, majors]) => majors.size > 1)).toEqual([]);
    expect(current.get("actions/checkout")).toBeDefined();
  });

  it("the starter workflow of `conforme init`", () => {
    const uses = usesIn(starterWorkflow("ville-exemple", ["donnees"]));
    expect(uses.map(([action]) => action)).toEqual(["actions/checkout", "ville-exemple/conforme/action", "github/codeql-action/upload-sarif"]);
    for (const [action, major] of uses) if (current.has(action)) expect(`${action}@${major}`).toBe(`${action}@${current.get(action)}`);
    expect(WORKFLOW_ACTIONS.checkout).toBe(`actions/checkout@${current.get("actions/checkout")}`);
  });

  it.each(docs)("%s", (file) => {
    const stale = usesIn(readFileSync(path.join(repoRoot, file), "utf8"))
      .filter(([action, major]) => current.has(action) && current.get(action) !== major)
      .map(([action, major]) => `${action}@${major} (current: ${current.get(action)})`);
    expect(stale).toEqual([]);
  });
});
