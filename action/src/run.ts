import { createHash } from "node:crypto";
import { mkdir, readFile, realpath, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import * as core from "@actions/core";
import {
  ANNOTATION_LIMITS,
  formatHtml,
  formatMarkdown,
  formatStylish,
  formatters,
  personalRisk,
  SARIF_MAX_RESULTS,
  sarifOmittedResults,
  type AnnotationLevel,
  type Report,
} from "@conforme/core/internal";
import { discover, exitCodeOf, lint, selectChanged, type LintOptions } from "@conforme/core/internal/node";
import { cellColumns, planAnnotations, type Annotation } from "./annotations.js";
import { commentMarker, upsertComment } from "./comment.js";
import { fromFork, loadConfiguration } from "./config.js";
import { changesBetween, diffRange, type Changes, type DiffRange } from "./git.js";
import { readInputs, type ActionInputs } from "./inputs.js";
import { COMMENT_BUDGET, SUMMARY_BUDGET } from "./summary.js";
import { TEXTS, type Texts } from "./texts.js";

/** Files above this size are not re-read to find the column of a cell in an annotation. */
const MAX_COLUMN_LOOKUP_BYTES = 32 * 1024 * 1024;

/** One of the Action's own messages (a fallback, a notice on what it could not do). */
interface Note {
  level: Exclude<AnnotationLevel, "error">;
  message: string;
}

/**
 * The Action: inputs -> lint -> annotations, job summary, outputs, optional files and pull-request
 * comment. Sets the exit code (1 when the `fail-on` threshold is reached or an input is wrong)
 * and never throws.
 *
 * Annotations are written last, when every message of the Action is known: GitHub shows only 10
 * per level and step, so the Action's own warnings and notices, and the failure message of
 * `core.setFailed` (itself an error annotation), get their slots first and the findings share
 * the rest. A failure printed after ten errors would be dropped without a word.
 */
export async function run(env: NodeJS.ProcessEnv): Promise<void> {
  let texts: Texts = TEXTS.fr;
  const notes: Note[] = [];
  let linted: { report: Report; changes: Changes | undefined; cwd: string } | undefined;
  let failure: string | undefined;
  try {
    const inputs = readInputs(env);
    texts = TEXTS[inputs.lang];
    const cwd = path.resolve(env["GITHUB_WORKSPACE"] || process.cwd());
    const event = await readEvent(env);
    // A fork's pull request writes its own configuration: a .mjs one would run its code here.
    const loaded = await loadConfiguration(cwd, inputs.config, inputs.lang, inputs.configCode || !fromFork(event.name, event.payload));
    // Inputs override the configuration; an empty `paths` leaves the config's `files` in charge.
    const options: LintOptions = loaded.lintOptions({ cwd, lang: inputs.lang, schema: inputs.schema });
    const given = loaded.paths(inputs.paths);

    const range = diffRange(event.name, event.payload);
    const changes = range.kind === "range" ? await changesBetween(cwd, range) : undefined;
    const { paths, note } = await choosePaths(given, [...loaded.files, options.schema], inputs, options, cwd, range, changes, texts, notes);
    // The report's audit trail is lint's; the Action only says it ran it.
    const report = await lint(paths, { ...options, audit: { command: "action" } });
    linted = { report, changes, cwd };

    core.startGroup("conforme");
    // Messages quote cells from the data: a cell reading "::error ...::" must not become a command.
    const token = createHash("sha256").update(`${Date.now()}${Math.random()}`).digest("hex");
    core.info(`::stop-commands::${token}`);
    core.info(formatStylish(report, { color: false }));
    core.info(`::${token}::`);
    core.endGroup();

    // No link to the checks' pages: the summary's hostile-input test proves that no link at all
    // reaches the job summary or the pull request, which one of ours would blur.
    const markdown = { links: false, ...(note !== undefined && { note }) };
    if (env["GITHUB_STEP_SUMMARY"]) await core.summary.addRaw(formatMarkdown(report, { ...markdown, budget: SUMMARY_BUDGET }), true).write();

    if (inputs.report !== undefined) await writeOutput(cwd, inputs.report, formatHtml(report));
    let sarifPath = "";
    if (inputs.sarif !== undefined) {
      const sarif = formatters["sarif"];
      if (sarif === undefined) notes.push({ level: "warning", message: texts.noSarif });
      else {
        await writeOutput(cwd, inputs.sarif, sarif(report, {}));
        sarifPath = inputs.sarif;
        const omitted = sarifOmittedResults(report);
        if (omitted > 0) notes.push({ level: "warning", message: texts.sarifOmitted(omitted, SARIF_MAX_RESULTS) });
      }
    }

    if (inputs.comment) await comment(inputs, env, event, formatMarkdown(report, { ...markdown, budget: COMMENT_BUDGET, prefix: `${marker(inputs)}\n` }), texts, notes);

    const valid = report.valid && report.runErrors.length === 0;
    const personal = report.files.reduce((sum, file) => sum + personalRisk(file).count, 0);
    const points = (report.metadata ?? []).flatMap((section) => section.scores.filter((score) => score.id === "datagouv").map((score) => score.points));
    const lowest = points.length > 0 ? Math.min(...points) : undefined;
    core.setOutput("valid", String(valid));
    core.setOutput("error-count", String(report.stats.errors + report.runErrors.length));
    core.setOutput("warning-count", String(report.stats.warnings));
    core.setOutput("personal-data-count", String(personal));
    core.setOutput("metadata-score", lowest === undefined ? "" : String(lowest));
    core.setOutput("sarif-path", sarifPath);
    core.setOutput("report-path", inputs.report ?? "");

    // `error` follows the configuration's policy too (`strict`, `maxWarnings`), as `conforme lint` does.
    const failed = inputs.failOn === "error" ? exitCodeOf(report, loaded.failurePolicy()) !== 0 : inputs.failOn === "warning" ? exitCodeOf(report, { strict: true }) !== 0 : false;
    if (failed) failure = texts.failed(inputs.failOn);
  } catch (error) {
    failure = error instanceof Error ? error.message : String(error);
  }
  await annotate(linted, notes, failure, texts);
}

/**
 * Writes the annotations: the findings GitHub has room for, the Action's own messages, then the
 * failure, each level within `ANNOTATION_LIMITS`. Never throws: should planning fail, that
 * failure is written alone.
 */
async function annotate(
  linted: { report: Report; changes: Changes | undefined; cwd: string } | undefined,
  notes: Note[],
  failure: string | undefined,
  texts: Texts,
): Promise<void> {
  const room = { ...ANNOTATION_LIMITS };
  for (const note of notes) room[note.level]--;
  // One error slot is kept for the failure message, whatever the findings.
  if (failure !== undefined) room.error--;
  let annotations: Annotation[] = [];
  if (linted !== undefined) {
    try {
      annotations = planAnnotations(linted.report, linted.changes, texts, room).annotations;
      await locateColumns(annotations, linted.report, linted.cwd);
    } catch (error) {
      // Nothing is printed yet: the failure alone takes the slot the findings would have had.
      annotations = [];
      failure ??= error instanceof Error ? error.message : String(error);
    }
  }
  for (const annotation of annotations) emit(annotation);
  for (const note of notes) {
    if (note.level === "warning") core.warning(note.message);
    else core.notice(note.message);
  }
  if (failure !== undefined) core.setFailed(failure);
}

interface GitHubEvent {
  name: string;
  payload: Record<string, unknown>;
}

async function readEvent(env: NodeJS.ProcessEnv): Promise<GitHubEvent> {
  const name = env["GITHUB_EVENT_NAME"] ?? "";
  const file = env["GITHUB_EVENT_PATH"];
  if (!file) return { name, payload: {} };
  const payload = JSON.parse(await readFile(file, "utf8")) as unknown;
  return { name, payload: typeof payload === "object" && payload !== null ? (payload as Record<string, unknown>) : {} };
}

/** All the given paths, or with `changed-only` the datasets touched by the push or pull request. */
async function choosePaths(
  given: string[],
  sharedRefs: (string | undefined)[],
  inputs: ActionInputs,
  options: LintOptions,
  cwd: string,
  range: DiffRange,
  changes: Changes | undefined,
  texts: Texts,
  notes: Note[],
): Promise<{ paths: string[]; note?: string }> {
  if (!inputs.changedOnly) return { paths: given };
  if (range.kind === "none") return { paths: given, note: texts.changedOnlyAll(texts.reasons[range.reason]) };
  if (changes === undefined) {
    notes.push({ level: "warning", message: texts.changedOnlyAll(texts.reasons.history) });
    return { paths: given, note: texts.changedOnlyAll(texts.reasons.history) };
  }
  // A changed configuration or shared schema may change the verdict on every file.
  const shared = sharedRefs.filter((ref): ref is string => ref !== undefined).map((ref) => posix(path.relative(cwd, path.resolve(cwd, ref))));
  if (shared.some((file) => changes.files.has(file))) return { paths: given, note: texts.changedOnlyAll(texts.reasons.config) };
  const found = await discover(given, cwd, options.discovery);
  // Git names the changed files from the repository's root, the workspace: the same real paths
  // as those `--changed-since` compares.
  const root = await realpath(cwd).catch(() => path.resolve(cwd));
  const changed = new Set([...changes.files].map((file) => path.join(root, ...file.split("/"))));
  const kept = await selectChanged(found, changed);
  const selected = [...kept.packages, ...kept.tables, ...kept.refused.map((entry) => entry.file)];
  return { paths: selected, note: texts.changedOnly(selected.length) };
}

/** Fills in the column of cell annotations by re-reading their line with the file's dialect. */
async function locateColumns(annotations: Annotation[], report: Report, cwd: string): Promise<void> {
  const texts = new Map<string, string | undefined>();
  for (const annotation of annotations) {
    if (annotation.column !== undefined || annotation.fieldNumber === undefined || annotation.line === undefined || annotation.file === undefined) continue;
    const file = report.files.find((candidate) => candidate.file === annotation.file);
    if (!file?.dialect) continue;
    if (!texts.has(file.file)) texts.set(file.file, await readText(path.resolve(cwd, file.file), file.encoding));
    const text = texts.get(file.file);
    if (text === undefined) continue;
    const start = lineOffset(text, annotation.line);
    if (start === undefined) continue;
    const found = cellColumns(text.slice(start, start + 1_000_000), file.dialect.delimiter, file.dialect.quoteChar, annotation.fieldNumber);
    if (found) Object.assign(annotation, found);
  }
}

async function readText(file: string, encoding: string | undefined): Promise<string | undefined> {
  try {
    if ((await stat(file)).size > MAX_COLUMN_LOOKUP_BYTES) return undefined;
    return new TextDecoder(encoding ?? "utf-8").decode(await readFile(file));
  } catch {
    return undefined;
  }
}

function lineOffset(text: string, line: number): number | undefined {
  let offset = 0;
  for (let n = 1; n < line; n++) {
    const next = text.indexOf("\n", offset);
    if (next === -1) return undefined;
    offset = next + 1;
  }
  return offset;
}

function emit(annotation: Annotation): void {
  const properties: core.AnnotationProperties = { title: annotation.title };
  if (annotation.file !== undefined) properties.file = annotation.file;
  if (annotation.line !== undefined) {
    properties.startLine = annotation.line;
    // Columns are only valid on a single line (workflow commands docs).
    if (annotation.column !== undefined) {
      properties.endLine = annotation.line;
      properties.startColumn = annotation.column;
      if (annotation.endColumn !== undefined) properties.endColumn = annotation.endColumn;
    }
  }
  if (annotation.level === "error") core.error(annotation.message, properties);
  else if (annotation.level === "warning") core.warning(annotation.message, properties);
  else core.notice(annotation.message, properties);
}

function marker(inputs: ActionInputs): string {
  const key = createHash("sha256")
    .update(JSON.stringify([inputs.paths, inputs.config ?? "", inputs.schema ?? ""]))
    .digest("hex")
    .slice(0, 12);
  return commentMarker(key);
}

async function comment(inputs: ActionInputs, env: NodeJS.ProcessEnv, event: GitHubEvent, body: string, texts: Texts, notes: Note[]): Promise<void> {
  const pr = event.payload["pull_request"] as { number?: unknown } | undefined;
  if (!event.name.startsWith("pull_request") || typeof pr?.number !== "number") {
    core.info(texts.commentSkipped);
    return;
  }
  if (inputs.githubToken === undefined) {
    notes.push({ level: "warning", message: texts.noToken });
    return;
  }
  const [owner, repo] = (env["GITHUB_REPOSITORY"] ?? "").split("/");
  if (!owner || !repo) {
    notes.push({ level: "warning", message: texts.commentFailed("GITHUB_REPOSITORY") });
    return;
  }
  const result = await upsertComment({ token: inputs.githubToken, owner, repo, issueNumber: pr.number }, marker(inputs), body);
  if (result.kind === "forbidden") notes.push({ level: "notice", message: texts.forkFallback });
  else if (result.kind === "failed") notes.push({ level: "warning", message: texts.commentFailed(result.message) });
  else core.info(`${result.kind} comment ${result.id}`);
}

async function writeOutput(cwd: string, relative: string, content: string): Promise<void> {
  const target = path.resolve(cwd, relative);
  await mkdir(path.dirname(target), { recursive: true });
  await writeFile(target, content);
}

function posix(file: string): string {
  return file.split(path.sep).join("/");
}
