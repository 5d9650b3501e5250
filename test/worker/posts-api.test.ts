// Scheduling posts through the API: what a valid post needs, what the user sees back, editing, cancelling,
// and the daily-limit warning. Every post here is far in the future, so nothing is published.
import { describe, expect, it } from "vitest";
import { DAILY_POST_CAP } from "../../src/posts/posts.service";
import { type Client, connectAccount, inFuture, postRequest, rows, signedUpClient, uploadVideo } from "./helpers";

/** A signed-up user with a connected account and a ready video. */
async function creator() {
  const client = await signedUpClient();
  const { accountId, username } = await connectAccount(client);
  const { videoId } = await uploadVideo(client);
  return { client, accountId, videoId, username };
}

const HOUR = 3600 * 1000;

const postRows = (client: Client) =>
  client
    .json("/api/me")
    .then(({ body }) => rows<{ id: string; status: string }>("SELECT id, status FROM posts WHERE workspace_id = ?", body.workspace.id));

describe("scheduling a post", () => {
  it("keeps a post far in the future scheduled, with exactly the settings chosen", async () => {
    const { client, accountId, videoId } = await creator();
    const scheduledAt = new Date(Math.floor((Date.now() + 5 * 24 * HOUR) / 1000) * 1000).toISOString();

    const res = await postRequest(client, {
      accountId,
      videoId,
      caption: "New recipe drop 🍜 #food",
      privacyLevel: "MUTUAL_FOLLOW_FRIENDS",
      scheduledAt,
      timezone: "America/New_York",
      disableDuet: true,
      isAigc: true,
    });

    expect(res.status).toBe(201);
    expect(res.body.warnings).toEqual([]);
    expect(res.body.post).toEqual({
      id: expect.stringMatching(/^post_/),
      accountId,
      videoId,
      caption: "New recipe drop 🍜 #food",
      privacyLevel: "MUTUAL_FOLLOW_FRIENDS",
      mode: "direct",
      disableComment: false,
      disableDuet: true,
      disableStitch: false,
      brandContent: false,
      brandOrganic: false,
      isAigc: true,
      scheduledAt,
      timezone: "America/New_York",
      latePolicyMinutes: 360,
      status: "scheduled",
      publishId: null,
      tiktokPostId: null,
      tiktokUrl: null,
      mediaSource: null,
      lastError: null,
      warning: null,
      timing: { scheduledAt, initAt: null, uploadedAt: null, completedAt: null, startLatenessMs: null, liveLatenessMs: null },
      createdAt: expect.any(String),
      updatedAt: expect.any(String),
      version: 1,
      // Not published: nothing read from TikTok yet.
      metrics: null,
      coverUrl: null,
    });
    expect(await rows("SELECT status, scheduled_at, claim_token FROM posts WHERE id = ?", res.body.post.id)).toEqual([
      { status: "scheduled", scheduled_at: Date.parse(scheduledAt), claim_token: null },
    ]);
  });

  it("lists the post and shows its timeline starting with 'scheduled'", async () => {
    const { client, accountId, videoId } = await creator();
    const scheduledAt = inFuture(2 * 24 * HOUR);
    const { body: created } = await postRequest(client, { accountId, videoId, scheduledAt, timezone: "Asia/Tokyo" });
    const id = created.post.id;

    const list = await client.json("/api/posts");
    expect(list.status).toBe(200);
    expect(list.body.posts.map((p: { id: string; status: string }) => [p.id, p.status])).toEqual([[id, "scheduled"]]);

    const one = await client.json(`/api/posts/${id}`);
    expect(one.status).toBe(200);
    expect(one.body.post).toEqual(created.post);
    expect(one.body.events).toEqual([
      {
        id: expect.any(Number),
        at: created.post.createdAt,
        type: "scheduled",
        message: `Scheduled for ${scheduledAt} (Asia/Tokyo)`,
        logId: null,
        data: null,
      },
    ]);
  });

  it("asks who can view a direct post when no privacy level is chosen", async () => {
    const { client, accountId, videoId } = await creator();
    const res = await postRequest(client, { accountId, videoId, privacyLevel: undefined });

    expect(res).toEqual({
      status: 400,
      body: { error: { code: "privacy_level_required", message: "Choose who can view the post", details: { path: "privacyLevel" } } },
    });
    expect(await postRows(client)).toEqual([]);
  });

  it("does not need a privacy level for an inbox draft, and stores none", async () => {
    const { client, accountId, videoId } = await creator();
    const res = await postRequest(client, { accountId, videoId, mode: "inbox", privacyLevel: "PUBLIC_TO_EVERYONE" });

    expect(res.status).toBe(201);
    expect(res.body.post).toMatchObject({ mode: "inbox", privacyLevel: null, status: "scheduled" });
  });

  it("refuses a time in the past", async () => {
    const { client, accountId, videoId } = await creator();
    const res = await postRequest(client, { accountId, videoId, scheduledAt: new Date(Date.now() - 60_000).toISOString() });

    expect(res).toEqual({
      status: 400,
      body: { error: { code: "scheduled_in_past", message: "Pick a time in the future", details: { path: "scheduledAt" } } },
    });
    expect(await postRows(client)).toEqual([]);
  });

  it("refuses a time zone that does not exist, naming the field", async () => {
    const { client, accountId, videoId } = await creator();
    const res = await postRequest(client, { accountId, videoId, timezone: "Mars/Olympus_Mons" });

    expect(res).toEqual({
      status: 400,
      body: {
        error: {
          code: "invalid_request",
          message: "The request is not valid",
          details: [{ path: "timezone", message: "Use an IANA time zone such as Europe/Paris" }],
        },
      },
    });
  });

  it("accepts a 2200-character caption and refuses 2201", async () => {
    const { client, accountId, videoId } = await creator();

    const tooLong = await postRequest(client, { accountId, videoId, caption: "a".repeat(2201) });
    expect(tooLong).toEqual({
      status: 400,
      body: {
        error: {
          code: "invalid_request",
          message: "The request is not valid",
          details: [{ path: "caption", message: "Captions can be at most 2200 characters" }],
        },
      },
    });

    const atLimit = await postRequest(client, { accountId, videoId, caption: "a".repeat(2200) });
    expect(atLimit.status).toBe(201);
    expect(atLimit.body.post.caption).toHaveLength(2200);
  });

  it("refuses branded content that only the creator could see", async () => {
    const { client, accountId, videoId } = await creator();
    const res = await postRequest(client, { accountId, videoId, brandContent: true, privacyLevel: "SELF_ONLY" });

    expect(res).toEqual({
      status: 400,
      body: { error: { code: "branded_content_private", message: "Branded content visibility cannot be set to private.", details: null } },
    });
    expect(await postRows(client)).toEqual([]);
  });

  it("refuses a video that has not finished uploading", async () => {
    const { client, accountId } = await creator();
    const pending = await client.json("/api/videos", { filename: "later.mp4", size: 5000, contentType: "video/mp4" });

    const res = await postRequest(client, { accountId, videoId: pending.body.video.id });

    expect(res).toEqual({
      status: 409,
      body: { error: { code: "video_not_ready", message: "The video has not finished uploading", details: null } },
    });
    expect(await postRows(client)).toEqual([]);
  });

  it("refuses to schedule to another workspace's TikTok account or with its video", async () => {
    const other = await creator();
    const { client, accountId, videoId } = await creator();

    const foreignAccount = await postRequest(client, { accountId: other.accountId, videoId });
    expect(foreignAccount).toEqual({
      status: 404,
      body: { error: { code: "account_not_found", message: "That TikTok account is not connected to this workspace", details: null } },
    });
    const foreignVideo = await postRequest(client, { accountId, videoId: other.videoId });
    expect(foreignVideo.status).toBe(404);
    expect(foreignVideo.body.error.code).toBe("video_not_found");
    expect(await postRows(client)).toEqual([]);
    expect(await postRows(other.client)).toEqual([]);
  });

  it("warns on the 16th direct post in 24 hours on one account (TikTok's daily cap), but still schedules it", async () => {
    const { client, accountId, videoId } = await creator();
    const base = Date.now() + 2 * 24 * HOUR;
    for (let i = 0; i < DAILY_POST_CAP; i++) {
      const res = await postRequest(client, { accountId, videoId, scheduledAt: new Date(base + i * 60_000).toISOString() });
      expect(res.status).toBe(201);
      expect(res.body.warnings).toEqual([]);
    }

    const sixteenth = await postRequest(client, { accountId, videoId, scheduledAt: new Date(base + 20 * HOUR).toISOString() });

    const warning = `This account already has ${DAILY_POST_CAP} posts within 24 hours of this one; TikTok allows about ${DAILY_POST_CAP} a day and may refuse it (daily posting limit).`;
    expect(DAILY_POST_CAP).toBe(15);
    expect(sixteenth.status).toBe(201);
    expect(sixteenth.body.warnings).toEqual([warning]);
    expect(sixteenth.body.post).toMatchObject({ status: "scheduled", warning });

    // A day later the window has moved on: no warning.
    const nextDay = await postRequest(client, { accountId, videoId, scheduledAt: new Date(base + 25 * HOUR).toISOString() });
    expect(nextDay.body.warnings).toEqual([]);
  });

  it("warns when a new post is the 16th inside some 24 hours even if it is scheduled before the others", async () => {
    // TikTok counts accepted inits over a rolling 24 h: 15 posts at 12:00–12:14 plus one at 09:00 the same day means
    // the 12:14 post is the 16th within 24 h, whichever was scheduled first.
    const { client, accountId, videoId } = await creator();
    const base = Date.now() + 2 * 24 * HOUR;
    for (let i = 0; i < DAILY_POST_CAP; i++) {
      expect((await postRequest(client, { accountId, videoId, scheduledAt: new Date(base + i * 60_000).toISOString() })).status).toBe(201);
    }

    const earlier = await postRequest(client, { accountId, videoId, scheduledAt: new Date(base - 3 * HOUR).toISOString() });

    expect(earlier.status).toBe(201);
    expect(earlier.body.warnings).toHaveLength(1);
    expect(earlier.body.warnings[0]).toContain("daily posting limit");
  });

  it("does not count cancelled posts toward the daily cap", async () => {
    const { client, accountId, videoId } = await creator();
    const base = Date.now() + 2 * 24 * HOUR;
    const ids: string[] = [];
    for (let i = 0; i < DAILY_POST_CAP; i++) {
      ids.push((await postRequest(client, { accountId, videoId, scheduledAt: new Date(base + i * 60_000).toISOString() })).body.post.id);
    }
    expect((await client.fetch(`/api/posts/${ids[0]}`, { method: "DELETE" })).status).toBe(200);

    const next = await postRequest(client, { accountId, videoId, scheduledAt: new Date(base + HOUR).toISOString() });
    expect(next.status).toBe(201);
    expect(next.body.warnings).toEqual([]);
  });
});

describe("editing and cancelling", () => {
  it("edits the caption and bumps the version, recording the edit in the timeline", async () => {
    const { client, accountId, videoId } = await creator();
    const { body: created } = await postRequest(client, { accountId, videoId, caption: "draft caption" });
    const id = created.post.id;

    const res = await client.json(`/api/posts/${id}`, { caption: "final caption #launch" }, "PATCH");

    expect(res.status).toBe(200);
    expect(res.body.warnings).toEqual([]);
    expect(res.body.post).toMatchObject({
      id,
      caption: "final caption #launch",
      status: "scheduled",
      version: 2,
      scheduledAt: created.post.scheduledAt,
    });
    const { body } = await client.json(`/api/posts/${id}`);
    expect(body.post.caption).toBe("final caption #launch");
    expect(body.events.map((e: { type: string }) => e.type)).toEqual(["scheduled", "edited"]);
    expect(await rows("SELECT caption, version FROM posts WHERE id = ?", id)).toEqual([{ caption: "final caption #launch", version: 2 }]);
  });

  it("refuses fields a user may not set through an edit (status, TikTok ids) and changes nothing", async () => {
    const { client, accountId, videoId } = await creator();
    const { body: created } = await postRequest(client, { accountId, videoId });
    const id = created.post.id;

    const res = await client.json(
      `/api/posts/${id}`,
      { caption: "x", status: "published", tiktokPostId: "7311111111111111111", workspaceId: "ws_other", version: 99 },
      "PATCH",
    );

    // Request bodies are strict objects (issue 16): an unknown field is a clear 400, not silently dropped.
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe("invalid_request");
    expect(JSON.stringify(res.body.error.details)).toMatch(/status.*tiktokPostId.*workspaceId.*version/);
    const workspaceId = (await client.json("/api/me")).body.workspace.id;
    expect(await rows("SELECT status, tiktok_post_id, workspace_id, caption, version FROM posts WHERE id = ?", id)).toEqual([
      { status: "scheduled", tiktok_post_id: null, workspace_id: workspaceId, caption: created.post.caption, version: 1 },
    ]);
  });

  it("validates an edit like a new post: a past time is refused and the post is unchanged", async () => {
    const { client, accountId, videoId } = await creator();
    const { body: created } = await postRequest(client, { accountId, videoId });

    const res = await client.json(`/api/posts/${created.post.id}`, { scheduledAt: new Date(Date.now() - HOUR).toISOString() }, "PATCH");

    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe("scheduled_in_past");
    expect((await client.json(`/api/posts/${created.post.id}`)).body.post).toEqual(created.post);
  });

  it("cancels a scheduled post once; a second cancel is a conflict", async () => {
    const { client, accountId, videoId } = await creator();
    const { body: created } = await postRequest(client, { accountId, videoId });
    const id = created.post.id;

    const cancel = await client.json(`/api/posts/${id}`, undefined, "DELETE");
    expect(cancel.status).toBe(200);
    expect(cancel.body.post).toMatchObject({ id, status: "cancelled", version: 2 });

    const again = await client.json(`/api/posts/${id}`, undefined, "DELETE");
    expect(again).toEqual({
      status: 409,
      body: { error: { code: "post_not_cancellable", message: "This post is cancelled and can no longer be cancelled", details: null } },
    });
    const { body } = await client.json(`/api/posts/${id}`);
    expect(body.post.status).toBe("cancelled");
    expect(body.events.map((e: { type: string }) => e.type)).toEqual(["scheduled", "cancelled"]);
  });

  it("does not let a cancelled post be edited back to life", async () => {
    const { client, accountId, videoId } = await creator();
    const { body: created } = await postRequest(client, { accountId, videoId });
    const id = created.post.id;
    await client.json(`/api/posts/${id}`, undefined, "DELETE");

    const res = await client.json(`/api/posts/${id}`, { caption: "resurrect" }, "PATCH");

    expect(res).toEqual({
      status: 409,
      body: { error: { code: "post_not_editable", message: "This post is cancelled and can no longer be edited", details: null } },
    });
    expect(await rows("SELECT status, caption, version FROM posts WHERE id = ?", id)).toEqual([
      { status: "cancelled", caption: created.post.caption, version: 2 },
    ]);
  });

  it("hides another workspace's post from reading, editing and cancelling", async () => {
    const owner = await creator();
    const { body: created } = await postRequest(owner.client, { accountId: owner.accountId, videoId: owner.videoId });
    const id = created.post.id;
    const stranger = await signedUpClient();

    const notFound = { error: { code: "not_found", message: "Post not found", details: null } };
    expect(await stranger.json(`/api/posts/${id}`)).toEqual({ status: 404, body: notFound });
    expect(await stranger.json(`/api/posts/${id}`, { caption: "hijack" }, "PATCH")).toEqual({ status: 404, body: notFound });
    expect(await stranger.json(`/api/posts/${id}`, undefined, "DELETE")).toEqual({ status: 404, body: notFound });
    expect((await stranger.json("/api/posts")).body).toEqual({ posts: [] });
    expect(await rows("SELECT status, caption, version FROM posts WHERE id = ?", id)).toEqual([
      { status: "scheduled", caption: created.post.caption, version: 1 },
    ]);
  });
});
