/**
 * Defaults of the run options, declared once: the validator, `lint`, the CLI, the Action and
 * the configuration's JSON Schema (`default`) read them here, and the audit trail records them.
 */
export const DEFAULT_OPTIONS = {
  lang: "fr",
  /** Findings per file before it is marked partial (frictionless: 1000); 0: no limit. */
  maxErrors: 1000,
  /** Longest cell read, in characters (1 Mi). */
  maxCellLength: 1024 * 1024,
  /** Longest record read, in characters (16 Mi). */
  maxRowLength: 16 * 1024 * 1024,
  headerMode: "auto",
  /** Files validated at the same time: I/O overlaps parsing without blowing memory. */
  concurrency: 2,
  personalData: true,
  customChecks: true,
  gitignore: true,
  offline: false,
  trusted: false,
  allowPrivateNetwork: false,
  strict: false,
  /** First rows of each file the HTML report previews. */
  previewRows: 20,
} as const;

/**
 * The options a run used, as the report records them for its audit trail (`Report.options`):
 * the effective values, defaults included, so that a reader can rerun the same check. Nothing
 * secret goes in: URLs lose their user, password, query and fragment, where tokens travel.
 */
export function auditOptions(options: Record<string, unknown>): Record<string, unknown> {
  const recorded: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(options)) {
    if (value === undefined) continue;
    recorded[key] = typeof value === "string" ? withoutCredentials(value) : value;
  }
  return recorded;
}

function withoutCredentials(value: string): string {
  if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(value)) return value;
  try {
    const url = new URL(value);
    url.username = "";
    url.password = "";
    url.search = "";
    url.hash = "";
    return url.toString();
  } catch {
    return value;
  }
}
