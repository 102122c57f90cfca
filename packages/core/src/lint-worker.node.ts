import { parentPort, type MessagePort } from "node:worker_threads";
import { lint } from "./lint.node.js";
import type { WorkerJob, WorkerMessage } from "./lint-workers.node.js";

// A worker of lint-workers.node.ts: validates one file at a time with the same library call, the
// schema and the config's checks given as data, and sends its progress and its file report back.
const port = parentPort;
// Every failure is caught and answered: the listener's promise never rejects, and `void` says so.
port?.on("message", ({ job, options }: { job: WorkerJob; options: Record<string, unknown> }) => void answer(port, job, options));

async function answer(port: MessagePort, job: WorkerJob, options: Record<string, unknown>): Promise<void> {
  const send = (message: WorkerMessage) => port.postMessage(message);
  try {
    const { checks } = job;
    const report = await lint([job.file], {
      ...options,
      schema: job.schema,
      checksFor: checks ? () => checks : undefined,
      metadata: false,
      workers: false,
      onProgress: (progress) => send({ progress }),
    });
    // A run error (the file vanished, a schema that failed here only): the main thread runs the
    // file itself, so that the report says what a sequential run says.
    send({ report: report.runErrors.length === 0 && report.files.length === 1 ? report.files[0]! : null });
  } catch {
    send({ report: null });
  }
}
