import { readFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_CATALOG_URL } from "../packages/core/src/internal.js";
import { loadYaml, yaml } from "../packages/core/src/yaml-module.js";
import { repoRoot } from "./shared.js";

/** The workflow that builds the web page with the live catalogue and publishes it (docs/web.md). */
interface Step {
  uses?: string;
  run?: string;
  with?: Record<string, unknown>;
}
interface Job {
  needs?: string | string[];
  permissions?: Record<string, string>;
  environment?: { name: string };
  steps: Step[];
}
interface Workflow {
  on: Record<string, unknown>;
  permissions: Record<string, string>;
  jobs: Record<string, Job>;
}

let workflow: Workflow;
beforeAll(async () => {
  await loadYaml();
  workflow = yaml().parse(readFileSync(path.join(repoRoot, ".github/workflows/pages.yml"), "utf8")) as Workflow;
});

const runs = (job: Job) => job.steps.flatMap((step) => (step.run ? [step.run] : []));
const uses = (job: Job) => job.steps.flatMap((step) => (step.uses ? [step.uses] : []));

describe(".github/workflows/pages.yml", () => {
  it("runs on main, by hand and weekly (the catalogue moves), read-only by default", () => {
    expect(workflow.on).toMatchObject({ push: { branches: ["main"] }, workflow_dispatch: null });
    expect(workflow.on.schedule).toBeDefined();
    expect(workflow.permissions).toEqual({ contents: "read" });
  });

  it("builds the packages, then the page with schema.data.gouv.fr's catalogue, and uploads that page", () => {
    const build = workflow.jobs.build!;
    expect(build.permissions).toBeUndefined();
    const commands = runs(build);
    const packages = commands.findIndex((command) => / run build$/.test(command));
    const page = commands.findIndex((command) => command.includes("run build:web -- "));
    expect(packages).toBeGreaterThanOrEqual(0);
    expect(page).toBeGreaterThan(packages);
    const args = commands[page]!.split(" -- ")[1]!.split(/\s+/);
    expect(args[args.indexOf("--catalog") + 1]).toBe(DEFAULT_CATALOG_URL);
    const out = args[args.indexOf("--out") + 1]!;
    const upload = build.steps.find((step) => step.uses?.startsWith("actions/upload-pages-artifact@"));
    expect(upload?.with?.path).toBe(path.dirname(out));
    expect(path.basename(out)).toBe("index.html");
  });

  it("deploys from a job of its own, the only one allowed to write Pages", () => {
    const deploy = workflow.jobs.deploy!;
    expect(deploy.needs).toBe("build");
    expect(deploy.permissions).toEqual({ pages: "write", "id-token": "write" });
    expect(deploy.environment?.name).toBe("github-pages");
    expect(uses(deploy).map((action) => action.split("@")[0])).toEqual(["actions/deploy-pages"]);
  });

  it("pins every action to a major version", () => {
    for (const job of Object.values(workflow.jobs)) for (const action of uses(job)) expect(action).toMatch(/^[\w.-]+\/[\w.-]+@v\d+$/);
  });

  it.each(["README.md", "docs/web.md"])("%s shows the page's build command", (file) => {
    expect(readFileSync(path.join(repoRoot, file), "utf8")).toContain("run build:web -- --catalog");
  });
});
