// The posts list as the planner reads it: filters by status, account and time range, search in captions (wildcards
// taken literally), upcoming and past apart; and bulk cancel / reschedule, each post with its own outcome.
import { describe, expect, it } from "vitest";
import { type Client, connectAccount, postRequest, signedUpClient, uploadVideo } from "./helpers";

const DAY = 24 * 3_600_000;
const inDays = (d: number) => new Date(Math.floor((Date.now() + d * DAY) / 1000) * 1000).toISOString();

async function planner() {
  const client = await signedUpClient();
  const a = await connectAccount(client);
  const b = await connectAccount(client);
  const { videoId } = await uploadVideo(client);
  const make = async (accountId: string, caption: string, days: number) =>
    (await postRequest(client, { accountId, videoId, caption, scheduledAt: inDays(days) })).body.post as { id: string };
  return { client, a: a.accountId, b: b.accountId, videoId, make };
}

const ids = async (client: Client, query: string) =>
  ((await client.json(`/api/posts?${query}`)).body.posts as { id: string }[]).map((p) => p.id);

describe("filtering the posts list", () => {
  it("filters by account, status and time range, and orders soonest first on request", async () => {
    const { client, a, b, videoId, make } = await planner();
    const p1 = await make(a, "Monday recipe", 1);
    const p2 = await make(b, "Tuesday recipe", 2);
    const p3 = await make(a, "Friday recap", 5);
    const draft = (await client.json("/api/drafts", { accountId: a, videoId, timezone: "UTC", caption: "Someday" })).body.post;
    await client.fetch(`/api/posts/${p3.id}`, { method: "DELETE" });

    expect(await ids(client, `account=${a}&order=asc`)).toEqual([p1.id, p3.id, draft.id]);
    expect(await ids(client, "status=scheduled&order=asc")).toEqual([p1.id, p2.id]);
    expect(await ids(client, "status=draft")).toEqual([draft.id]);
    expect(await ids(client, `from=${inDays(1.5)}&to=${inDays(10)}`)).toEqual([p3.id, p2.id]);
    const bad = await client.json("/api/posts?status=scheduled,nonsense");
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe("invalid_request");
  });

  it("searches captions case-insensitively, with % and _ taken literally", async () => {
    const { client, a, make } = await planner();
    const sale = await make(a, "50% off SALE today", 1);
    await make(a, "5000 off", 2);
    const under = await make(a, "snake_case tips", 3);
    await make(a, "snakeXcase", 4);
    expect(await ids(client, "q=sale")).toEqual([sale.id]);
    expect(await ids(client, `q=${encodeURIComponent("50%")}`)).toEqual([sale.id]);
    expect(await ids(client, "q=snake_case")).toEqual([under.id]);
  });

  it("never shows another workspace's posts", async () => {
    const { a, make } = await planner();
    await make(a, "Mine", 1);
    const other = await signedUpClient();
    expect(await ids(other, `account=${a}`)).toEqual([]);
  });
});

describe("bulk moves", () => {
  it("cancels several posts at once and says which could not be cancelled", async () => {
    const { client, a, videoId, make } = await planner();
    const p1 = await make(a, "One", 1);
    const p2 = await make(a, "Two", 2);
    const draft = (await client.json("/api/drafts", { accountId: a, videoId, timezone: "UTC" })).body.post;
    // An id that is not one of the workspace's posts refuses the whole request, before anything moves.
    const unknown = await client.json("/api/posts/bulk", { action: "cancel", ids: [p1.id, "post_missing"] });
    expect(unknown.status).toBe(404);
    expect(unknown.body.error).toMatchObject({ code: "not_found", message: "Post post_missing not found" });
    expect((await client.json(`/api/posts/${p1.id}`)).body.post.status).toBe("scheduled");

    const res = await client.json("/api/posts/bulk", { action: "cancel", ids: [p1.id, p2.id, draft.id] });
    expect(res.status).toBe(200);
    expect(
      res.body.results.map((r: { id: string; ok: boolean; post: { status: string } | null; error: { code: string } | null }) => [
        r.id,
        r.ok,
        r.post?.status ?? r.error?.code,
      ]),
    ).toEqual([
      [p1.id, true, "cancelled"],
      [p2.id, true, "cancelled"],
      [draft.id, false, "post_not_cancellable"],
    ]);
  });

  it("moves several posts by the same amount, keeping their spacing", async () => {
    const { client, a, make } = await planner();
    const p1 = await make(a, "One", 1);
    const p2 = await make(a, "Two", 2);
    const before = await Promise.all([p1, p2].map(async (p) => (await client.json(`/api/posts/${p.id}`)).body.post.scheduledAt as string));
    const res = await client.json("/api/posts/bulk", { action: "reschedule", ids: [p1.id, p2.id], shiftMinutes: 24 * 60 });
    expect(res.body.results.every((r: { ok: boolean }) => r.ok)).toBe(true);
    const after = res.body.results.map((r: { post: { scheduledAt: string } }) => r.post.scheduledAt);
    expect(after).toEqual(before.map((iso) => new Date(Date.parse(iso) + DAY).toISOString()));

    // Moving into the past is refused for each post, and nothing moves.
    const back = await client.json("/api/posts/bulk", { action: "reschedule", ids: [p1.id], shiftMinutes: -5 * 24 * 60 });
    expect(back.body.results[0]).toMatchObject({ ok: false, error: { code: "scheduled_in_past" } });
    expect((await client.json(`/api/posts/${p1.id}`)).body.post.scheduledAt).toBe(after[0]);
    expect((await client.json("/api/posts/bulk", { action: "reschedule", ids: [p1.id], shiftMinutes: 0 })).status).toBe(400);
  });
});

describe("workspace settings", () => {
  it("remembers the workspace's time zone, hashtag groups and caption templates, per workspace", async () => {
    const client = await signedUpClient();
    expect((await client.json("/api/settings")).body).toEqual({ settings: { timezone: null } });
    expect((await client.json("/api/settings", { timezone: "Asia/Tokyo" }, "PUT")).body).toEqual({ settings: { timezone: "Asia/Tokyo" } });
    expect((await client.json("/api/settings", { timezone: "Nowhere/Else" }, "PUT")).status).toBe(400);

    const group = await client.json("/api/hashtag-groups", { name: "Food", hashtags: ["#food", "#recipe", "#food", "#köstlich"] });
    expect(group.status).toBe(201);
    expect(group.body.group).toMatchObject({ name: "Food", hashtags: ["#food", "#recipe", "#köstlich"] });
    expect((await client.json("/api/hashtag-groups", { name: "Bad", hashtags: ["food"] })).status).toBe(400);
    const renamed = await client.json(`/api/hashtag-groups/${group.body.group.id}`, { name: "Cooking", hashtags: ["#cook"] }, "PUT");
    expect(renamed.body.group).toMatchObject({ name: "Cooking", hashtags: ["#cook"] });

    const template = await client.json("/api/caption-templates", { name: "Launch", body: "New drop! Link in bio ✨" });
    expect(template.status).toBe(201);
    expect((await client.json("/api/caption-templates")).body.templates.map((t: { name: string }) => t.name)).toEqual(["Launch"]);

    const other = await signedUpClient();
    expect((await other.json("/api/settings")).body.settings.timezone).toBeNull();
    expect((await other.json("/api/hashtag-groups")).body.groups).toEqual([]);
    expect((await other.fetch(`/api/caption-templates/${template.body.template.id}`, { method: "DELETE" })).status).toBe(404);

    expect((await client.fetch(`/api/caption-templates/${template.body.template.id}`, { method: "DELETE" })).status).toBe(200);
    expect((await client.fetch(`/api/hashtag-groups/${group.body.group.id}`, { method: "DELETE" })).status).toBe(200);
    expect((await client.json("/api/hashtag-groups")).body.groups).toEqual([]);
  });
});
