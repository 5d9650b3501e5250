// Account sync within limits: a 429 holds every account's reads back a window (the budget is the app's), a sync never
// delays a publish due in the same second, and the daily stats history accumulates with its follower changes.
import { afterEach, describe, expect, it } from "vitest";
import { connectAccount, emu, emuRecord, rows, schedulePost, signedUpWithToken, uploadVideo } from "./helpers";
import { nextSyncRound, syncRound } from "./sync-world";
import { type World, world } from "./world";

let w: World;
afterEach(() => w?.release());

type Call = { endpoint: string; at: number; status: number };
/** The user's calls to `endpoint` after the first `skip` calls (connecting reads user/info too). */
const callsTo = async (openId: string, endpoint: string, skip: number) =>
  ((await emuRecord(openId)).calls as Call[]).slice(skip).filter((c) => c.endpoint === endpoint);
const callCount = async (openId: string) => (await emuRecord(openId)).calls.length as number;

describe("TikTok's limits", () => {
  it("backs off a full window after a 429, and holds every account's reads back meanwhile", async () => {
    w = await world();
    const client = await signedUpWithToken(w.fetcher);
    const a = await connectAccount(client);
    const b = await connectAccount(client);
    await emu("/__emu/faults", "PUT", { openId: a.openId, force429: 1 });
    const [skipA, skipB] = [await callCount(a.openId), await callCount(b.openId)];
    const t0 = w.now();
    // a's alarm runs first: its user/info answers 429.
    await syncRound(w, [a.accountId, b.accountId]);

    const window = Number(w.env.TIKTOK_RATE_WINDOW_MS);
    const aCalls = await callsTo(a.openId, "/v2/user/info/", skipA);
    expect(aCalls.map((c) => c.status)).toEqual([429, 200]);
    expect(aCalls[1]!.at - aCalls[0]!.at).toBeGreaterThanOrEqual(window);
    // b never asked TikTok during the hold: the read budget is the app's, not the account's.
    const bCalls = await callsTo(b.openId, "/v2/user/info/", skipB);
    expect(bCalls.map((c) => c.status)).toEqual([200]);
    expect(bCalls[0]!.at).toBeGreaterThanOrEqual(t0 + window);
    for (const { accountId } of [a, b]) {
      const [row] = await rows<{ sync_status: string; follower_count: number }>(
        "SELECT sync_status, follower_count FROM tiktok_accounts WHERE id = ?",
        accountId,
      );
      expect(row).toEqual({ sync_status: "ok", follower_count: 0 });
    }
  });

  it("never delays a publish due in the same second: the post starts on its second, the sync after it", async () => {
    w = await world();
    const client = await signedUpWithToken(w.fetcher);
    const { accountId, openId } = await connectAccount(client);
    const { videoId } = await uploadVideo(client);
    const skip = await callCount(openId);
    const due = Date.parse(w.at(30_000));
    const post = await schedulePost(client, accountId, videoId, {
      privacyLevel: "PUBLIC_TO_EVERYONE",
      scheduledAt: new Date(due).toISOString(),
    });
    // The publish message arrives 2 s ahead (as in production); at the post's second a full sync is due too.
    await w.advanceTo(due - 2_000);
    await w.deliver();
    await w.advanceTo(due);
    const stub = await w.publisher(accountId);
    await stub.sync({ kind: "sync", accountId, full: true, reason: "manual" });
    await w.runAlarms([accountId]);

    const { body } = await client.json(`/api/posts/${post.id}`);
    expect(body.post.status).toBe("published");
    expect(body.post.timing.startLatenessMs).toBe(0);
    const record = await emuRecord(openId);
    expect(record.inits[0].at).toBe(due);
    // Every read of the sync came after the publish's last call (its init, chunks and status reads).
    const calls = (record.calls as Call[]).slice(skip);
    const lastPublishCall = calls.findLastIndex((c) => c.endpoint.startsWith("/v2/post/publish/") && !c.endpoint.includes("creator_info"));
    const firstSyncRead = calls.findIndex((c) => c.endpoint === "/v2/user/info/" || c.endpoint.startsWith("/v2/video/"));
    expect(firstSyncRead).toBeGreaterThan(lastPublishCall);
    expect((await client.json("/api/accounts")).body.accounts[0].sync.status).toBe("ok");
    // The sync still ran in full once the publish was over: the new post has its first reading.
    expect(body.post.metrics).not.toBeNull();
  });
});

describe("history", () => {
  it("keeps one stats row per day, and reports the follower change over 7 days", async () => {
    w = await world();
    const client = await signedUpWithToken(w.fetcher);
    const { accountId, username } = await connectAccount(client);
    const seen: { at: number; followers: number }[] = [];
    for (let i = 0; i < 10; i++) {
      const followers = 100 + 10 * i;
      await emu(`/__emu/users/${username}/stats`, "PUT", { follower_count: followers });
      if (i === 0) await syncRound(w, [accountId]);
      else await nextSyncRound(w, accountId);
      seen.push({ at: w.now(), followers });
    }
    const days = new Map(seen.map((s) => [new Date(s.at).toISOString().slice(0, 10), s.followers])); // a day's last reading
    const { body } = await client.json(`/api/accounts/${accountId}/stats`);
    expect(body.points.map((p: { date: string; followers: number }) => [p.date, p.followers])).toEqual([...days]);
    expect(body.points.length).toBeGreaterThanOrEqual(8);
    const weekAgo = new Date(w.now() - 7 * 86_400_000).toISOString().slice(0, 10);
    const then = [...days].filter(([d]) => d <= weekAgo).at(-1)![1];
    const account = (await client.json("/api/accounts")).body.accounts[0];
    expect(account.stats).toMatchObject({ followers: 190, followersChange7d: 190 - then, followersChange30d: null });
    // A range, and a bad one.
    const first = body.points[0].date;
    expect((await client.json(`/api/accounts/${accountId}/stats?from=${first}&to=${first}`)).body.points).toHaveLength(1);
    expect((await client.json(`/api/accounts/${accountId}/stats?from=yesterday`)).status).toBe(400);
  });
});
