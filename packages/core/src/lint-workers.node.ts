import { existsSync } from "node:fs";
import { availableParallelism } from "node:os";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import type { CustomCheckDescriptor } from "./checks/custom-checks.js";
import type { LintOptions, ProgressEvent } from "./lint.node.js";
import type { FileReport } from "./report.js";

/** One file for a worker: its schema reference and the config's checks, as data. */
export interface WorkerJob {
  file: string;
  schema: string | undefined;
  checks: CustomCheckDescriptor[] | undefined;
}

/** What a worker sends back: progress as it reads, then the file's report (or nothing, to run it here). */
export type WorkerMessage = { progress: ProgressEvent } | { report: FileReport | null };

// Built next to the chunk holding this code (packages/core/dist); absent when running from the
// TypeScript sources or from a bundle (the Action), where files are then validated in turn.
const WORKER_URL = new URL("./lint-worker.node.js", import.meta.url);

/**
 * The options a worker rebuilds the run from, or undefined when the run cannot be split across
 * threads: check objects or resolve hooks given as functions, a single core, or no worker script.
 */
export function workerOptions(options: LintOptions, files: number): Record<string, unknown> | undefined {
  if (!options.workers || files < 2 || availableParallelism() < 2) return undefined;
  if (WORKER_URL.protocol !== "file:" || !existsSync(fileURLToPath(WORKER_URL))) return undefined;
  if (options.checks && options.checks.length > 0) return undefined;
  const plain: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(options)) {
    if (["onProgress", "schemaFor", "checksFor", "workers", "metadata", "discovery", "concurrency", "audit"].includes(key)) continue;
    try {
      plain[key] = structuredClone(value);
    } catch {
      return undefined; // a function (fetch, a custom resolver): it cannot cross threads
    }
  }
  return plain;
}

/**
 * Validates each job in a worker thread, as many threads as cores (at most one per file), files
 * handed out in order. Returns the reports by job index; null where the worker gave none.
 */
export async function lintInWorkers(jobs: WorkerJob[], options: Record<string, unknown>, onProgress?: (event: ProgressEvent) => void): Promise<(FileReport | null)[]> {
  const reports: (FileReport | null)[] = new Array(jobs.length).fill(null);
  let next = 0;
  const thread = async () => {
    const worker = new Worker(WORKER_URL);
    try {
      while (next < jobs.length) {
        const index = next++;
        reports[index] = await new Promise<FileReport | null>((resolve, reject) => {
          const onMessage = (message: WorkerMessage) => {
            if ("progress" in message) return onProgress?.(message.progress);
            worker.off("message", onMessage);
            worker.off("error", reject);
            resolve(message.report);
          };
          worker.on("message", onMessage);
          worker.once("error", reject);
          worker.postMessage({ job: jobs[index], options });
        });
      }
    } finally {
      await worker.terminate();
    }
  };
  await Promise.all(Array.from({ length: Math.min(jobs.length, availableParallelism()) }, thread));
  return reports;
}
