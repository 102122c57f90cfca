import { parseArgs, type ParseArgsConfig } from "node:util";

/** What a command may touch: its working directory, its output streams and standard input. */
export interface Io {
  cwd: string;
  /** Read only when a path is `-`; absent, `-` is a run error. */
  stdin?: NodeJS.ReadableStream;
  stdout: NodeJS.WritableStream & { isTTY?: boolean };
  stderr: NodeJS.WritableStream & { isTTY?: boolean };
  env?: NodeJS.ProcessEnv;
}

/** A word the user typed that is not known, and the words it was meant to be one of. */
export interface Unknown {
  word: string;
  candidates: string[];
}

/**
 * A mistake in the command line: printed with what to type instead, exit code 2. `unknown` asks
 * the caller to add the nearest candidate ("Vouliez-vous dire ... ?") before `footer`; the search
 * lives in core, loaded only once a mistake is made.
 */
export class UsageError extends Error {
  override name = "UsageError";
  readonly unknown?: Unknown;
  readonly footer?: string;

  constructor(message: string, details: { unknown?: Unknown; footer?: string } = {}) {
    super(message);
    if (details.unknown) this.unknown = details.unknown;
    if (details.footer !== undefined) this.footer = details.footer;
  }
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
    const footer = `Tapez « conforme ${command} --help » pour la liste des options.`;
    const option = unknownOption(error);
    if (option === undefined) throw new UsageError(frenchParseError(error), { footer });
    const candidates = Object.entries(options).flatMap(([name, option]) => [`--${name}`, ...(option.short ? [`-${option.short}`] : [])]);
    throw new UsageError(frenchParseError(error), { footer, unknown: { word: option, candidates } });
  }
}

function unknownOption(error: unknown): string | undefined {
  if ((error as { code?: string }).code !== "ERR_PARSE_ARGS_UNKNOWN_OPTION") return undefined;
  return /'(-[^'\s]+)/.exec(error instanceof Error ? error.message : String(error))?.[1];
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

/**
 * Whether to colour: `--color` / `--no-color` first (`flag`), then NO_COLOR (any non-empty value
 * turns colour off, no-color.org), then FORCE_COLOR (0 or false off, 1 to 3 or any other
 * non-empty value on, as chalk and Node read it), and otherwise only on a terminal.
 */
export function useColor(stream: Io["stdout"], env: NodeJS.ProcessEnv = process.env, flag?: boolean): boolean {
  if (flag !== undefined) return flag;
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== "") return false;
  const force = env.FORCE_COLOR;
  if (force !== undefined && force !== "") return force !== "0" && force.toLowerCase() !== "false";
  return stream.isTTY === true;
}

/** `--color` and `--no-color` as one tri-state: the last one given wins, none leaves it to the environment. */
export function colorFlag(args: readonly string[]): boolean | undefined {
  let flag: boolean | undefined;
  for (const arg of args) {
    if (arg === "--") break;
    if (arg === "--color") flag = true;
    else if (arg === "--no-color") flag = false;
  }
  return flag;
}

/** The whole of a stream (standard input given as `-`), as one buffer. */
export async function readAll(stream: NodeJS.ReadableStream): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(typeof chunk === "string" ? Buffer.from(chunk) : Buffer.from(chunk));
  return Buffer.concat(chunks);
}
