import { PassThrough } from "node:stream";
import { main } from "./main.js";

/**
 * `conforme` run in this process, its outputs gathered as text: what the command tests assert on.
 * `stdin`, when given, is fed to standard input, flagged a terminal or not.
 */
export async function runMain(argv: string[], cwd: string, stdin?: { input: string; isTTY: boolean }) {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  const out: string[] = [];
  const err: string[] = [];
  stdout.on("data", (chunk) => out.push(String(chunk)));
  stderr.on("data", (chunk) => err.push(String(chunk)));
  const input = stdin && Object.assign(new PassThrough(), { isTTY: stdin.isTTY });
  input?.end(stdin!.input);
  const code = await main({ argv, cwd, stdout, stderr, env: {}, ...(input && { stdin: input }) });
  return { code, out: out.join(""), err: err.join("") };
}
