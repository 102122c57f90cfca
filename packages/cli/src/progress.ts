import type { ProgressEvent } from "@conforme/core/node";
import type { Io } from "./io.js";

/** Files smaller than this finish before a bar would be worth drawing. */
export const PROGRESS_MIN_BYTES = 8 * 1024 * 1024;
const WIDTH = 24;
const INTERVAL_MS = 100;

/**
 * A one-line progress bar on stderr for large files, redrawn at most every 100 ms; undefined
 * (silence) when stderr is not a terminal, in CI, or under NO_COLOR-style dumb terminals, so that
 * logs and redirected output never receive carriage returns.
 */
export function progressReporter(
  stderr: Io["stderr"],
  env: NodeJS.ProcessEnv = process.env,
  now: () => number = Date.now,
): { onProgress: (event: ProgressEvent) => void; done: () => void } | undefined {
  if (stderr.isTTY !== true || env.CI === "true" || env.TERM === "dumb") return undefined;
  const active = new Map<string, { bytes: number; bytesRead: number }>();
  let drawn = false;
  let last = 0;
  const clear = () => {
    if (drawn) stderr.write("\r\u001b[K");
    drawn = false;
  };
  const draw = () => {
    const large = [...active.entries()].filter(([, state]) => state.bytes >= PROGRESS_MIN_BYTES);
    if (large.length === 0) return clear();
    const bytes = large.reduce((sum, [, state]) => sum + state.bytes, 0);
    const read = large.reduce((sum, [, state]) => sum + state.bytesRead, 0);
    const share = bytes === 0 ? 1 : Math.min(1, read / bytes);
    const filled = Math.round(share * WIDTH);
    const names = large.map(([file]) => file).join(", ");
    stderr.write(`\r\u001b[K[${"=".repeat(filled)}${" ".repeat(WIDTH - filled)}] ${String(Math.floor(share * 100)).padStart(3)} %  ${names.slice(0, 60)}`);
    drawn = true;
  };
  return {
    onProgress(event) {
      if (event.kind === "start") active.set(event.file, { bytes: event.bytes, bytesRead: 0 });
      else if (event.kind === "read") {
        const state = active.get(event.file);
        if (state) state.bytesRead = event.bytesRead;
      } else active.delete(event.file);
      const time = now();
      if (event.kind !== "read" || time - last >= INTERVAL_MS) {
        last = time;
        draw();
      }
    },
    done: clear,
  };
}
