// Account sync, the account side: profile, stats and avatar after the first tick, tokens kept fresh with nothing
// scheduled, a revoked connection marked needs_reconnect (and the API says so), accounts connected before the stats
// scopes keep publishing. Time is driven (world.ts); TikTok is the emulator over HTTP.
import { afterEach, describe, expect, it } from "vitest";
import { type Client, connectAccount, emu, emuRecord, rows, signedUpClient, signedUpWithToken, signInAgain, unique } from "./helpers";
import { nextSyncAt, nextSyncRound, publishPublic, syncRound } from "./sync-world";
import { type World, world } from "./world";

let w: World;
afterEach(() => w?.release());

const DAY = 86_400_000;
const accountOf = async (client: Client, id: string) =>
  ((await client.json("/api/accounts")).body.accounts as { id: string }[]).find((a) => a.id === id) as any;
/** Downloads of this user's avatar from TikTok's CDN (image requests carry no token, so no open_id in the ledger). */
const cdnCalls = async (openId: string) =>
  (await emu("/__emu/record")).calls.filter((c: { endpoint: string }) => c.endpoint.startsWith(`/cdn/avatar/${openId}/`)).length;

async function connectOld(client: Client) {
  // Connected before the sync scopes were asked for: TikTok granted only what was asked then.
  const start = await client.fetch("/api/accounts/tiktok/connect", { headers: { authorization: "" } });
  const authorize = new URL(start.headers.get("location")!);
  const username = unique("old");
  for (const [k, v] of Object.entries({
    emu_auto: "approve",
    emu_username: username,
    emu_scopes: "user.info.basic,video.publish,video.upload",
  }))
    authorize.searchParams.set(k, v);
  const consent = await fetch(authorize, { redirect: "manual" });
  const callback = new URL(consent.headers.get("location")!);
  const back = await client.fetch(callback.pathname + callback.search, { headers: { authorization: "" } });
  return { accountId: new URL(back.headers.get("location")!, "http://x").searchParams.get("connected")!, username };
}

describe("account sync", () => {
  it("asks TikTok at connect for the sync's scopes besides the publishing ones", async () => {
    const client = await signedUpClient();
    const start = await client.fetch("/api/accounts/tiktok/connect");
    expect(new URL(start.headers.get("location")!).searchParams.get("scope")!.split(",")).toEqual([
      "user.info.basic",
      "video.publish",
      "video.upload",
      "user.info.profile",
      "user.info.stats",
      "video.list",
    ]);
  });

  it("reads profile, stats and the avatar at the first tick after connecting, and serves the avatar from Postflare", async () => {
    w = await world();
    const client = await signedUpWithToken(w.fetcher);
    const username = unique("cr");
    await emu(`/__emu/users/${username}`, "PUT", { nickname: "Mia Makes", bio: "Sunsets daily", isVerified: true });
    await emu(`/__emu/users/${username}/stats`, "PUT", { follower_count: 1520, following_count: 31, likes_count: 48_000 });
    const { accountId, openId } = await connectAccount(client, username);

    expect(await syncRound(w, [accountId])).toContain(accountId);

    const account = await accountOf(client, accountId);
    expect(account.profile).toEqual({
      displayName: "Mia Makes",
      username,
      avatarUrl: expect.stringMatching(new RegExp(`^/api/accounts/${accountId}/avatar\\?v=[0-9a-f]{16}$`)),
      bioDescription: "Sunsets daily",
      isVerified: true,
      profileDeepLink: `https://vm.tiktok.com/emulator/${username}/`,
    });
    expect(account.avatarUrl).toBe(account.profile.avatarUrl);
    expect(account.stats).toEqual({
      followers: 1520,
      following: 31,
      likes: 48_000,
      videos: 0,
      syncedAt: new Date(w.now()).toISOString(),
      followersChange7d: null,
      followersChange30d: null,
    });
    expect(account.sync).toMatchObject({ status: "ok", error: null, lastAt: new Date(w.now()).toISOString(), missingScopes: [] });
    const next = Date.parse(account.sync.nextAt);
    expect(next).toBeGreaterThanOrEqual(w.now() + 0.9 * DAY);
    expect(next).toBeLessThanOrEqual(w.now() + DAY);
    const creator = await rows<{ creator_info: string }>("SELECT creator_info FROM tiktok_accounts WHERE id = ?", accountId);
    expect(JSON.parse(creator[0]!.creator_info)).toMatchObject({ creator_nickname: "Mia Makes", can_post: true });

    const image = await client.fetch(account.profile.avatarUrl);
    expect(image.status).toBe(200);
    expect(image.headers.get("content-type")).toBe("image/jpeg");
    expect(image.headers.get("x-content-type-options")).toBe("nosniff");
    expect(image.headers.get("cache-control")).toContain("max-age=");
    expect([...new Uint8Array(await image.arrayBuffer()).slice(0, 3)]).toEqual([0xff, 0xd8, 0xff]);
    const stranger = await signedUpWithToken(w.fetcher);
    expect((await stranger.fetch(account.profile.avatarUrl)).status).toBe(404);

    // The next day the same picture (a new signed URL, same path) is not copied again; a new picture is.
    expect(await cdnCalls(openId)).toBe(1);
    await nextSyncRound(w, accountId);
    expect(await cdnCalls(openId)).toBe(1);
    await emu(`/__emu/users/${username}`, "PUT", { avatarVersion: 2 });
    await nextSyncRound(w, accountId);
    expect(await cdnCalls(openId)).toBe(2);
    expect((await accountOf(client, accountId)).profile.avatarUrl).not.toBe(account.profile.avatarUrl);
  });

  it("keeps an account with nothing scheduled connected: its tokens are refreshed with every daily sync", async () => {
    w = await world();
    const client = await signedUpWithToken(w.fetcher);
    const { accountId, openId } = await connectAccount(client);
    await syncRound(w, [accountId]);
    for (let day = 0; day < 4; day++) await nextSyncRound(w, accountId);
    const refreshes = (await emuRecord(openId)).tokenRefreshes as { at: number }[];
    expect(refreshes.length).toBeGreaterThanOrEqual(5);
    // Never more than a day apart, so neither token ever lapses (access tokens last 2 h, refresh tokens rotate).
    for (let i = 1; i < refreshes.length; i++) expect(refreshes[i]!.at - refreshes[i - 1]!.at).toBeLessThanOrEqual(DAY);
    const account = await accountOf(client, accountId);
    expect(account).toMatchObject({ status: "active", sync: { status: "ok" } });
    // The account still publishes with the tokens the sync left.
    expect((await publishPublic(w, client, accountId)).status).toBe("published");
  });

  it("marks the account needs_reconnect with the reason when TikTok stopped accepting its refresh token, and the API says so", async () => {
    w = await world();
    const client = await signedUpWithToken(w.fetcher);
    const { accountId, username } = await connectAccount(client);
    await syncRound(w, [accountId]);
    await emu(`/__emu/users/${username}/revoke`, "POST", {});
    await nextSyncRound(w, accountId);

    const account = await accountOf(client, accountId);
    expect(account.status).toBe("needs_reconnect");
    expect(account.statusReason).toBe("TikTok no longer accepts this account's connection. Reconnect the account.");
    expect(account.sync).toMatchObject({ status: "needs_reconnect", nextAt: null, error: account.statusReason });
    expect(await nextSyncAt(accountId)).toBeNull();
    // The tick no longer hands it out; a reconnect brings it back and syncs it again.
    await w.advanceTo(w.now() + DAY);
    expect(await syncRound(w, [accountId])).not.toContain(accountId);
    await signInAgain(client); // a day later, the person signs in again to reconnect
    await connectAccount(client, username);
    expect(await syncRound(w, [accountId])).toContain(accountId);
    expect((await accountOf(client, accountId)).sync.status).toBe("ok");
  });

  it("keeps publishing for an account connected before the stats scopes, and offers a reconnect to turn them on", async () => {
    w = await world();
    const client = await signedUpWithToken(w.fetcher);
    const { accountId } = await connectOld(client);
    await syncRound(w, [accountId]);
    const account = await accountOf(client, accountId);
    expect(account).toMatchObject({ status: "active", stats: null, sync: { status: "ok" } });
    expect(account.sync.missingScopes).toEqual(["user.info.profile", "user.info.stats", "video.list"]);
    expect(account.profile.avatarUrl).toMatch(/^\/api\/accounts\//);
    expect((await publishPublic(w, client, accountId)).status).toBe("published");
  });
});
