// Benchmark 10 (CSV import at its limit): a 500-row file over 5 accounts, previewed and confirmed through the real
// services on a metered env.DB. Figures: D1 statements and wall time of each, against the same checks made row by
// row with live reads (how the import read before), and D1's limit of 1,000 queries per Worker invocation.
import { describe, expect, it } from "vitest";
import { database } from "../../src/db/client";
import { confirmCsv, previewCsv } from "../../src/imports/imports.service";
import { directPostTimesAround } from "../../src/posts/posts.repo";
import { NewPost } from "../../src/posts/posts.schemas";
import type { PostsDeps } from "../../src/posts/posts.service";
import { checkNewPost } from "../../src/posts/posts-many.service";
import { me } from "../worker/team-helpers";
import { connectAccount, env, report, signedUpClient, uploadVideo } from "./helpers";
import { type Entry, metered } from "./metered-d1";

const ROWS = 500;
const ACCOUNTS = 5;
const HEADER = "video,caption,date,time,time_zone,account,privacy,mode,comment,duet,stitch,disclosure";
const D1_QUERIES_PER_INVOCATION = 1_000;

describe("benchmark 10: a 500-row CSV import", () => {
  it("previews and confirms 500 rows in a handful of D1 statements", { timeout: 300_000 }, async () => {
    const client = await signedUpClient();
    const accounts = [];
    for (let i = 0; i < ACCOUNTS; i++) accounts.push(await connectAccount(client));
    const videoId = await uploadVideo(client);
    const { user, workspace } = await me(client);
    const actor = { workspaceId: workspace.id, userId: user.id, role: "owner" as const };
    // Each account posts every 3 hours from tomorrow on: 8 a day, under TikTok's cap.
    const start = Math.ceil(Date.now() / 3_600_000) * 3_600_000 + 86_400_000;
    const lines = [HEADER];
    for (let i = 0; i < ROWS; i++) {
      const at = new Date(start + Math.floor(i / ACCOUNTS) * 3 * 3_600_000).toISOString();
      const handle = accounts[i % ACCOUNTS]!.username;
      lines.push(`${videoId},post ${i} #import,${at.slice(0, 10)},${at.slice(11, 16)},UTC,@${handle},SELF_ONLY,direct,,,,`);
    }
    const csv = lines.join("\n");

    const measure = async <T>(run: (deps: PostsDeps) => Promise<T>) => {
      const log: Entry[] = [];
      const deps = { db: database(metered(env.DB, log)), queue: env.PUBLISH_QUEUE, publishers: env.ACCOUNT_PUBLISHER };
      const t0 = performance.now();
      const value = await run(deps);
      return { value, statements: log.length, ms: Math.round(performance.now() - t0) };
    };
    const now = Date.now();
    const preview = await measure((deps) => previewCsv(deps, actor, csv, now));
    expect(preview.value.filter((r) => r.errors.length === 0)).toHaveLength(ROWS);
    const rowByRow = await measure(async (deps) => {
      for (const row of preview.value) {
        const post = NewPost.parse(row.post);
        await checkNewPost(deps, actor, post, now);
        await directPostTimesAround(deps.db, post.accountId, Date.parse(post.scheduledAt));
      }
    });
    const confirm = await measure((deps) =>
      confirmCsv(
        deps,
        actor,
        csv,
        preview.value.map((r) => r.row),
        now,
      ),
    );
    expect(confirm.value).toHaveLength(ROWS);

    await report("10 CSV import, 500 rows, 5 accounts", {
      "preview: D1 statements / wall ms": `${preview.statements} / ${preview.ms}`,
      "confirm: D1 statements / wall ms": `${confirm.statements} / ${confirm.ms}`,
      "row-by-row checks (as before): D1 statements / wall ms": `${rowByRow.statements} / ${rowByRow.ms}`,
    });
    expect(confirm.statements).toBeLessThan(D1_QUERIES_PER_INVOCATION);
  });
});
