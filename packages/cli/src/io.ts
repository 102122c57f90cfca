import { parseArgs, type ParseArgsConfig } from "node:util";

/** What a command may touch: its working directory and its two output streams. */
export interface Io {
  cwd: string;
  stdout: NodeJS.WritableStream & { isTTY?: boolean };
  stderr: NodeJS.WritableStream & { isTTY?: boolean };
  env?: NodeJS.ProcessEnv;
}

/** A mistake in the command line: printed with what to type instead, exit code 2. */
export class UsageError extends Error {
  override name = "UsageError";
}

/** parseArgs with French errors that name the option and point to --help. */
export function parseCommandArgs<T extends NonNullable<ParseArgsConfig["options"]>>(
  command: string,
  args: string[],
  options: T,
): ReturnType<typeof parseArgs<{ args: string[]; options: T; allowPositionals: true; strict: true }>> {
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError(`${frenchParseError(error)}\nTapez « conforme ${command} --help » pour la liste des options.`);
  }
}

/** node:util parseArgs errors, said in French (their code is stable, their text is English). */
function frenchParseError(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const code = (error as { code?: string }).code;
  const option = /'(-[^'\s]+)/.exec(message)?.[1];
  if (code === "ERR_PARSE_ARGS_UNKNOWN_OPTION" && option) return `option inconnue « ${option} ».`;
  if (code === "ERR_PARSE_ARGS_INVALID_OPTION_VALUE" && option) {
    return /argument missing/.test(message) ? `l'option « ${option} » attend une valeur.` : `l'option « ${option} » ne prend pas de valeur.`;
  }
  return message;
}

/** Reads an integer option, refusing anything else with a usage error. */
export function integerOption(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  if (!/^\d+$/.test(value)) throw new UsageError(`--${name} attend un nombre entier positif, pas « ${value} ».`);
  return Number(value);
}

/** Reads an option restricted to a list of choices. */
export function choiceOption<C extends string>(name: string, value: string | undefined, choices: readonly C[], fallback: C): C {
  if (value === undefined) return fallback;
  if (!(choices as readonly string[]).includes(value)) {
    throw new UsageError(`--${name} accepte ${choices.map((c) => `« ${c} »`).join(", ")}, pas « ${value} ».`);
  }
  return value as C;
}

/** Colours only on a terminal, and never when NO_COLOR is set (no-color.org). */
export function useColor(stream: Io["stdout"], env: NodeJS.ProcessEnv = process.env): boolean {
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== "") return false;
  if (env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== "0") return true;
  return stream.isTTY === true;
}
