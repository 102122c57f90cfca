import type { Lang } from "../findings.js";
import type { HeaderMatch, Report } from "../report.js";

const HOW: Record<HeaderMatch, Record<Lang, string>> = {
  position: { fr: "par position", en: "by position" },
  name: { fr: "par nom", en: "by name" },
  validata: { fr: "par nom, comme Validata", en: "by name, as Validata does" },
};

/** Whether the run asked for `auto` (the CLI records its options; a library caller may not). */
export function chosenByAuto(report: Report): boolean {
  return report.options?.headerMode === "auto";
}

/** Term of the HTML report's file facts. */
export const HEADER_MODE_TERM: Record<Lang, string> = { fr: "Comparaison de l'en-tête", en: "Header matching" };

/** How one file's header was matched, in a few words (the HTML report's file facts). */
export function headerModeText(mode: HeaderMatch, lang: Lang, auto: boolean): string {
  const how = HOW[mode][lang];
  if (!auto) return how;
  return lang === "fr" ? `${how} (choix du mode auto)` : `${how} (chosen by auto mode)`;
}

/**
 * One line saying how the headers were matched to the schemas, for the stylish and Markdown
 * outputs: a default that picks per file must say what it picked. Files that share a mode share
 * the line; undefined when no file has a header mode (no file read).
 */
export function headerModeLine(report: Report): string | undefined {
  const byMode = new Map<HeaderMatch, string[]>();
  for (const file of report.files) {
    if (file.headerMode === undefined) continue;
    byMode.set(file.headerMode, [...(byMode.get(file.headerMode) ?? []), file.file]);
  }
  if (byMode.size === 0) return undefined;
  const fr = report.lang === "fr";
  // The most common mode goes without names; the others name their files (three at most).
  const modes = [...byMode].sort((a, b) => b[1].length - a[1].length);
  const parts = modes.map(([mode, files], rank) => {
    if (rank === 0) return HOW[mode][report.lang];
    const names = files.length > 3 ? `${files.slice(0, 3).join(", ")}…` : files.join(", ");
    return `${HOW[mode][report.lang]} (${names})`;
  });
  const auto = chosenByAuto(report) ? (fr ? " ; choix du mode auto, --header-mode pour l'imposer" : "; chosen by auto mode, --header-mode sets it") : "";
  return fr ? `En-têtes comparés au schéma ${parts.join(" ; ")}${auto}.` : `Headers matched to the schema ${parts.join("; ")}${auto}.`;
}
