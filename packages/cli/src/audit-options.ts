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
