import { describe, expect, it } from "vitest";
import { progressReporter, PROGRESS_MIN_BYTES } from "./progress.js";

function stream(isTTY: boolean) {
  const chunks: string[] = [];
  return { chunks, stream: Object.assign({ write: (chunk: string) => (chunks.push(chunk), true) }, { isTTY }) as unknown as NodeJS.WritableStream & { isTTY?: boolean } };
}

describe("progressReporter", () => {
  it.each([
    [false, {}],
    [true, { CI: "true" }],
    [true, { TERM: "dumb" }],
  ])("is silent when isTTY=%s and env %j", (isTTY, env) => {
    expect(progressReporter(stream(isTTY).stream, env)).toBeUndefined();
  });

  it("draws a bar for a large file only, and clears it", () => {
    const out = stream(true);
    let time = 0;
    const progress = progressReporter(out.stream, {}, () => (time += 200))!;
    progress.onProgress({ kind: "start", file: "petit.csv", bytes: 10 });
    progress.onProgress({ kind: "end", file: "petit.csv" });
    expect(out.chunks).toEqual([]);
    progress.onProgress({ kind: "start", file: "gros.csv", bytes: PROGRESS_MIN_BYTES * 2 });
    progress.onProgress({ kind: "read", file: "gros.csv", bytesRead: PROGRESS_MIN_BYTES, bytes: PROGRESS_MIN_BYTES * 2 });
    expect(out.chunks.at(-1)).toMatch(/\[={12} {12}\] {2}50 % {2}gros\.csv/);
    progress.onProgress({ kind: "end", file: "gros.csv" });
    expect(out.chunks.at(-1)).toBe("\r\u001b[K");
  });
});
