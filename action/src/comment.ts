import { getOctokit } from "@actions/github";

export interface CommentTarget {
  token: string;
  owner: string;
  repo: string;
  issueNumber: number;
}

export type CommentResult = { kind: "created" | "updated"; id: number } | { kind: "forbidden"; status: number } | { kind: "failed"; message: string };

/**
 * Hidden marker identifying the Action's comment; the key separates several steps of one
 * workflow (a monorepo checking folders apart) so that each keeps its own comment.
 */
export function commentMarker(key: string): string {
  return `<!-- conforme-action:${key} -->`;
}

/**
 * Keeps one comment per pull request and marker: the first run creates it, later runs edit it in
 * place (REST "Update an issue comment") instead of piling up one comment per push. A token that
 * may not write (pull requests from forks get a read-only GITHUB_TOKEN: 403 "Resource not
 * accessible by integration") is reported, never thrown.
 */
export async function upsertComment(target: CommentTarget, marker: string, body: string): Promise<CommentResult> {
  const octokit = getOctokit(target.token);
  const where = { owner: target.owner, repo: target.repo };
  try {
    const comments = await octokit.paginate(octokit.rest.issues.listComments, { ...where, issue_number: target.issueNumber, per_page: 100 });
    const existing = comments.find((comment) => comment.body?.includes(marker));
    if (existing) {
      await octokit.rest.issues.updateComment({ ...where, comment_id: existing.id, body });
      return { kind: "updated", id: existing.id };
    }
    const created = await octokit.rest.issues.createComment({ ...where, issue_number: target.issueNumber, body });
    return { kind: "created", id: created.data.id };
  } catch (error) {
    const status = (error as { status?: unknown }).status;
    if (status === 401 || status === 403 || status === 404) return { kind: "forbidden", status };
    return { kind: "failed", message: error instanceof Error ? error.message : String(error) };
  }
}
