// Drafts: a post saved without a time is never claimed or published; it is edited, then scheduled at a time or in
// the next queue slot with every check a new post gets; posts go back to the drafts, are duplicated, discarded; a
// cancel can be undone for a minute. Driven time (world.ts).
import { describe, expect, it } from "vitest";
import { connectAccount, rows, signedUpClient, uploadVideo } from "./helpers";
import { world } from "./world";

const HOUR = 3_600_000;

async function draftWorld() {
  const w = await world();
  const client = await signedUpClient(w.fetcher);
  const { accountId } = await connectAccount(client);
  const { videoId } = await uploadVideo(client);
  return { w, client, accountId, videoId };
}

const draftBody = (accountId: string, videoId: string, fields: Record<string, unknown> = {}) => ({
  accountId,
  videoId,
  caption: "Work in progress #draft",
  timezone: "Europe/Paris",
  ...fields,
});

describe("drafts", () => {
  it("saves a draft without a time or a privacy level, and the cron never claims it", async () => {
    const { w, client, accountId, videoId } = await draftWorld();
    const res = await client.json("/api/drafts", draftBody(accountId, videoId));
    expect(res.status).toBe(201);
    expect(res.body.post).toMatchObject({ status: "draft", scheduledAt: null, privacyLevel: null, caption: "Work in progress #draft" });
    expect(res.body.post.timing).toMatchObject({ scheduledAt: null, startLatenessMs: null });

    await w.tick();
    await w.advanceTo(w.now() + 2 * HOUR);
    await w.tick();
    // Nothing for the post (no publish, no pre-flight); the tick hands out the account's sync (issue 11).
    expect(w.sent.filter((m) => (m.body as { kind: string }).kind !== "sync")).toEqual([]);
    expect(await rows("SELECT status, scheduled_at, claim_token FROM posts WHERE id = ?", res.body.post.id)).toEqual([
      { status: "draft", scheduled_at: null, claim_token: null },
    ]);
    // Read from the table: two idle hours end the session (30 min idle), which is not what this test is about.
    expect(await rows("SELECT type FROM post_events WHERE post_id = ?", res.body.post.id)).toEqual([{ type: "draft_saved" }]);
    await w.release();
  });

  it("edits a draft, then schedules it with the same checks as a new post, and publishes it at its time", async () => {
    const { w, client, accountId, videoId } = await draftWorld();
    const { body } = await client.json("/api/drafts", draftBody(accountId, videoId));
    const id = body.post.id;
    const edited = await client.json(`/api/drafts/${id}`, { caption: "Ready to go #launch" }, "PATCH");
    expect(edited.status).toBe(200);
    expect(edited.body.post).toMatchObject({ status: "draft", caption: "Ready to go #launch", version: 2 });

    // Direct posts need a privacy level before they can be scheduled: refused, still a draft.
    const at = w.at(30_000);
    const refused = await client.json(`/api/posts/${id}/schedule`, { scheduledAt: at });
    expect(refused.status).toBe(400);
    expect(refused.body.error.code).toBe("privacy_level_required");
    expect((await client.json(`/api/posts/${id}`)).body.post.status).toBe("draft");

    const scheduled = await client.json(`/api/posts/${id}/schedule`, { scheduledAt: at, privacyLevel: "SELF_ONLY" });
    expect(scheduled.status).toBe(200);
    expect(scheduled.body.post).toMatchObject({ status: "queued", scheduledAt: at, privacyLevel: "SELF_ONLY", timezone: "Europe/Paris" });
    const [done] = await w.publish(client, [accountId], [id]);
    expect(done!.post.status).toBe("published");
    expect(done!.post.caption).toBe("Ready to go #launch");
    await w.release();
  });

  it("schedules a draft in its account's next free queue slot", async () => {
    const { w, client, accountId, videoId } = await draftWorld();
    await client.json(
      `/api/accounts/${accountId}/queue`,
      {
        timezone: "UTC",
        slots: [1, 2, 3, 4, 5, 6, 7].map((day) => ({ day, time: "12:00" })),
      },
      "PUT",
    );
    const { body } = await client.json("/api/drafts", draftBody(accountId, videoId, { privacyLevel: "SELF_ONLY" }));
    const res = await client.json(`/api/posts/${body.post.id}/schedule`, { queue: true });
    expect(res.status).toBe(200);
    const next = new Date(w.now() + 60_000);
    next.setUTCHours(12, 0, 0, 0);
    if (next.getTime() <= w.now() + 60_000) next.setUTCDate(next.getUTCDate() + 1);
    expect(res.body.post).toMatchObject({ status: "scheduled", scheduledAt: next.toISOString(), timezone: "UTC" });
    expect((await client.json(`/api/posts/${body.post.id}/schedule`, {})).status).toBe(400); // neither a time nor the queue
    await w.release();
  });

  it("sends a scheduled post back to the drafts: its time and claim are dropped, and the publisher skips it", async () => {
    const { w, client, accountId, videoId } = await draftWorld();
    const { body } = await client.json("/api/posts", {
      ...draftBody(accountId, videoId),
      privacyLevel: "SELF_ONLY",
      scheduledAt: w.at(20_000),
    });
    expect(body.post.status).toBe("queued"); // due within the claim window: already handed to the publisher
    const back = await client.json(`/api/posts/${body.post.id}/unschedule`, {});
    expect(back.status).toBe(200);
    expect(back.body.post).toMatchObject({ status: "draft", scheduledAt: null });

    await w.deliver();
    await w.runAlarms([accountId]);
    expect((await client.json(`/api/posts/${body.post.id}`)).body.post.status).toBe("draft");
    const again = await client.json(`/api/posts/${body.post.id}/unschedule`, {});
    expect(again.status).toBe(409);
    await w.release();
  });

  it("duplicates any post as a new draft and discards drafts (only drafts)", async () => {
    const { w, client, accountId, videoId } = await draftWorld();
    const { body } = await client.json("/api/posts", {
      ...draftBody(accountId, videoId),
      privacyLevel: "MUTUAL_FOLLOW_FRIENDS",
      disableDuet: true,
      scheduledAt: w.at(5 * HOUR),
    });
    const copy = await client.json(`/api/posts/${body.post.id}/duplicate`, {});
    expect(copy.status).toBe(201);
    expect(copy.body.post).toMatchObject({
      status: "draft",
      scheduledAt: null,
      caption: body.post.caption,
      privacyLevel: "MUTUAL_FOLLOW_FRIENDS",
      disableDuet: true,
    });
    expect(copy.body.post.id).not.toBe(body.post.id);

    expect((await client.fetch(`/api/drafts/${body.post.id}`, { method: "DELETE" })).status).toBe(409);
    const gone = await client.fetch(`/api/drafts/${copy.body.post.id}`, { method: "DELETE" });
    expect(gone.status).toBe(200);
    expect(await rows("SELECT id FROM posts WHERE id = ?", copy.body.post.id)).toEqual([]);
    expect(await rows("SELECT id FROM post_events WHERE post_id = ?", copy.body.post.id)).toEqual([]);
    await w.release();
  });

  it("refuses another workspace's account, video or draft", async () => {
    const { w, client, accountId, videoId } = await draftWorld();
    const { body } = await client.json("/api/drafts", draftBody(accountId, videoId));
    const other = await signedUpClient(w.fetcher);
    expect((await other.json("/api/drafts", draftBody(accountId, videoId))).status).toBe(404);
    expect((await other.json(`/api/drafts/${body.post.id}`, { caption: "x" }, "PATCH")).status).toBe(404);
    expect((await other.json(`/api/posts/${body.post.id}/duplicate`, {})).status).toBe(404);
    expect((await other.fetch(`/api/drafts/${body.post.id}`, { method: "DELETE" })).status).toBe(404);
    await w.release();
  });
});

describe("undo a cancel", () => {
  it("restores a post cancelled moments ago to its time, and refuses once the minute has passed", async () => {
    const { w, client, accountId, videoId } = await draftWorld();
    const post = async () =>
      (await client.json("/api/posts", { ...draftBody(accountId, videoId), privacyLevel: "SELF_ONLY", scheduledAt: w.at(3 * HOUR) })).body
        .post;
    const first = await post();
    await client.fetch(`/api/posts/${first.id}`, { method: "DELETE" });
    await w.advanceTo(w.now() + 5_000);
    const restored = await client.json(`/api/posts/${first.id}/restore`, {});
    expect(restored.status).toBe(200);
    expect(restored.body.post).toMatchObject({ status: "scheduled", scheduledAt: first.scheduledAt });

    const second = await post();
    await client.fetch(`/api/posts/${second.id}`, { method: "DELETE" });
    await w.advanceTo(w.now() + 61_000);
    const late = await client.json(`/api/posts/${second.id}/restore`, {});
    expect(late.status).toBe(409);
    expect(late.body.error.code).toBe("post_not_restorable");
    await w.release();
  });
});
