// CSV import: parse with csv-parse (quotes, commas and line breaks inside captions, a BOM), turn every row into
// the body POST /api/posts takes, check it with the same schema and service rules (plus the account's privacy
// options and the daily cap counting the file's own rows), and on confirmation create the chosen rows in one batch.
import { parse } from "csv-parse/sync";
import { listAccounts } from "../accounts/accounts.repo";
import type { Database } from "../db/client";
import { type PostReads, preloadedReads } from "../posts/post-reads";
import { busiestDayAround } from "../posts/posts.repo";
import { NewPost } from "../posts/posts.schemas";
import { type Actor, DAILY_POST_CAP, type PostsDeps } from "../posts/posts.service";
import { checkNewPost, createPosts } from "../posts/posts-many.service";
import { AppError } from "../shared/errors";
import { listVideos } from "../videos/videos.repo";
import { CSV_COLUMNS } from "./csv-columns";
import { type Lookup, type RowError, rowToPost } from "./csv-row";

const MAX_ROWS = 500;
export type PreviewRow = { row: number; values: Record<string, string>; post: NewPost | null; errors: RowError[] };

function readCsv(csv: string): Record<string, string>[] {
  let records: Record<string, string>[];
  try {
    records = parse(csv, {
      columns: (h: string[]) => h.map((c) => c.trim().toLowerCase().replace(/\s+/g, "_")),
      bom: true,
      skip_empty_lines: true,
      trim: false,
      relax_column_count: true,
    });
  } catch (error) {
    throw new AppError(400, "csv_unreadable", `The file is not valid CSV: ${(error as Error).message}`);
  }
  if (records.length === 0) throw new AppError(400, "csv_empty", "The file has no rows under its header");
  if (records.length > MAX_ROWS) throw new AppError(400, "csv_too_long", `Import at most ${MAX_ROWS} rows at a time`);
  const missing = ["video", "date", "time", "time_zone", "account"].filter((c) => !(c in records[0]!));
  if (missing.length > 0) throw new AppError(400, "csv_columns_missing", `The header lacks: ${missing.join(", ")} (download the template)`);
  return records;
}

async function lookups(db: Database, workspaceId: string) {
  const [accounts, videos] = await Promise.all([listAccounts(db, workspaceId), listVideos(db, workspaceId)]);
  const privacy = new Map(
    accounts.map((a) => [
      a.id,
      a.creatorInfo ? ((JSON.parse(a.creatorInfo) as { privacy_level_options?: string[] }).privacy_level_options ?? null) : null,
    ]),
  );
  const lookup: Lookup = {
    accountByHandle: (h) => accounts.find((a) => a.username?.toLowerCase() === h.toLowerCase())?.id ?? null,
    videoByRef: (ref) => {
      const byId = videos.find((v) => v.id === ref);
      if (byId) return byId;
      const named = videos.filter((v) => v.filename === ref);
      return named.length === 1 ? named[0]! : named.length > 1 ? "ambiguous" : null;
    },
  };
  return { lookup, privacy, accounts, videos };
}

/** Every row with its post body (when it reads) and every error; nothing is written. */
export async function previewCsv(deps: PostsDeps, actor: Actor, csv: string, now: number): Promise<PreviewRow[]> {
  return (await checkFile(deps, actor, csv, now)).rows;
}

/** The preview, and the reads it made (the confirm checks again with them: a file costs its queries once). */
async function checkFile(deps: PostsDeps, actor: Actor, csv: string, now: number) {
  const { lookup, privacy, accounts, videos } = await lookups(deps.db, actor.workspaceId);
  const parsedRows = readCsv(csv).map((values) => {
    const { input, errors } = rowToPost(values, lookup);
    const parsed = NewPost.safeParse(input);
    if (!parsed.success) {
      for (const issue of parsed.error.issues)
        if (!errors.some((e) => e.column === column(String(issue.path[0]))))
          errors.push({ column: column(String(issue.path[0])), message: issue.message });
    }
    return { values, errors, post: parsed.success ? parsed.data : null };
  });
  const times = parsedRows.flatMap((r) => (r.post ? [Date.parse(r.post.scheduledAt)] : [])).filter(Number.isFinite);
  const reads = preloadedReads(deps, accounts, videos, times);
  const planned = new Map<string, number[]>();
  const rows: PreviewRow[] = [];
  for (const [i, { values, errors, post }] of parsedRows.entries()) {
    if (post && errors.length === 0) await serviceChecks(deps, reads, actor, post, privacy, planned, errors, now);
    const clean: Record<string, string> = {};
    for (const c of CSV_COLUMNS) clean[c] = values[c] ?? "";
    rows.push({ row: i + 2, values: clean, post: errors.length === 0 ? post : null, errors });
  }
  return { rows, reads };
}

const COLUMN_OF: Record<string, string> = {
  accountId: "account",
  videoId: "video",
  privacyLevel: "privacy",
  scheduledAt: "time",
  timezone: "time_zone",
};
const column = (field: string) => COLUMN_OF[field] ?? field;

async function serviceChecks(
  deps: PostsDeps,
  reads: PostReads,
  actor: Actor,
  post: NewPost,
  privacy: Map<string, string[] | null>,
  planned: Map<string, number[]>,
  errors: RowError[],
  now: number,
) {
  try {
    await checkNewPost(deps, actor, post, now, reads);
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    errors.push({ column: column((error.details as { path?: string } | null)?.path ?? errorColumn(error.code)), message: error.message });
    return;
  }
  const offered = privacy.get(post.accountId);
  if (post.mode === "direct" && offered && post.privacyLevel && !offered.includes(post.privacyLevel)) {
    errors.push({ column: "privacy", message: `This account offers ${offered.join(", ")}, not ${post.privacyLevel}` });
  }
  if (post.mode !== "direct") return;
  const at = Date.parse(post.scheduledAt);
  const earlier = planned.get(post.accountId) ?? [];
  const busiest = busiestDayAround([...(await reads.directTimesAround(post.accountId, at)), ...earlier, at], at);
  if (busiest > DAILY_POST_CAP)
    errors.push({
      column: "date",
      message: `Over TikTok's daily cap: this would be ${busiest} posts within 24 hours on this account (about ${DAILY_POST_CAP} allowed)`,
    });
  else planned.set(post.accountId, [...earlier, at]);
}

const errorColumn = (code: string) =>
  code.startsWith("video")
    ? "video"
    : code.startsWith("account")
      ? "account"
      : code.includes("privacy") || code.includes("branded")
        ? "privacy"
        : "date";

/** Creates exactly the confirmed rows, all or none: each must still pass every check now. */
export async function confirmCsv(deps: PostsDeps, actor: Actor, csv: string, rows: number[], now: number) {
  const { rows: preview, reads } = await checkFile(deps, actor, csv, now);
  const chosen = [...new Set(rows)].map((n) => preview.find((r) => r.row === n));
  const unknown = rows.filter((n) => !preview.some((r) => r.row === n));
  if (unknown.length > 0) throw new AppError(400, "import_rows_unknown", `The file has no row ${unknown.join(", ")}`);
  const invalid = chosen.filter((r) => r!.errors.length > 0);
  if (invalid.length > 0) {
    const details = invalid.map((r) => ({ row: r!.row, errors: r!.errors }));
    throw new AppError(422, "import_rows_invalid", "Some confirmed rows cannot be scheduled; nothing was imported", details);
  }
  return createPosts(
    deps,
    actor,
    chosen.map((r) => r!.post!),
    now,
    reads,
  );
}
