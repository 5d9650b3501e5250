// Connecting TikTok accounts: the OAuth round trip through the emulator, state binding, tokens at rest,
// listing, and fresh creator info for the composer.
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { TokenCipher } from "../../src/shared/crypto";
import { explain } from "../../src/tiktok/errors";
import { TEST_SECRETS } from "../secrets";
import { Client, connectAccount, emu, emulatorUrl, ORIGIN, rows, signedUpClient, unique } from "./helpers";

type AccountRow = Record<string, unknown> & { id: string; open_id: string; access_token_enc: string; refresh_token_enc: string };

/** Starts a connect and returns the TikTok authorize URL the app redirected to. */
async function startConnect(client: Client) {
  const res = await client.fetch("/api/accounts/tiktok/connect");
  expect(res.status).toBe(302);
  return new URL(res.headers.get("location")!);
}

/** Answers TikTok's consent page non-interactively and returns the callback path + query TikTok sent back. */
async function consent(authorize: URL, answer: "approve" | "deny", username = unique("creator")) {
  const url = new URL(authorize);
  url.searchParams.set("emu_auto", answer);
  url.searchParams.set("emu_username", username);
  const res = await fetch(url, { redirect: "manual" });
  expect(res.status).toBe(302);
  const callback = new URL(res.headers.get("location")!);
  return callback.pathname + callback.search;
}

/** Follows the callback and returns where the app sent the browser back to. */
async function finish(client: Client, callbackPath: string) {
  const res = await client.fetch(callbackPath);
  expect(res.status).toBe(302);
  return new URL(res.headers.get("location")!, ORIGIN);
}

async function workspaceOf(client: Client) {
  return (await client.json("/api/me")).body.workspace.id as string;
}

const accountsIn = (workspaceId: string) => rows<AccountRow>("SELECT * FROM tiktok_accounts WHERE workspace_id = ?", workspaceId);

describe("connecting a TikTok account", () => {
  it("sends the user to TikTok's consent page with our client key, the publish scope and a fixed callback", async () => {
    const client = await signedUpClient();
    const authorize = await startConnect(client);

    expect(`${authorize.origin}${authorize.pathname}`).toBe(env.TIKTOK_AUTH_URL);
    expect(authorize.searchParams.get("client_key")).toBe(TEST_SECRETS.TIKTOK_CLIENT_KEY);
    expect(authorize.searchParams.get("response_type")).toBe("code");
    expect(authorize.searchParams.get("scope")!.split(",")).toContain("video.publish");
    expect(authorize.searchParams.get("redirect_uri")).toBe(`${env.APP_URL}/api/accounts/tiktok/callback`);
    // The state is signed (bound to this session and workspace) and carried by the browser: starting a connect,
    // a GET, writes nothing.
    const state = authorize.searchParams.get("state")!;
    expect(state).toMatch(/^[A-Za-z0-9_-]{22}\.\d{13}\.[0-9a-f]{64}$/);
    const { body: me } = await client.json("/api/me");
    expect(await rows("SELECT * FROM oauth_states WHERE user_id = ?", me.user.id)).toEqual([]);
  });

  it("stores the account and lists it after the user approves on TikTok", async () => {
    const client = await signedUpClient();
    const username = unique("creator");
    await emu(`/__emu/users/${username}`, "PUT", { nickname: "Sunny Days" });

    const back = await finish(client, await consent(await startConnect(client), "approve", username));

    expect(back.pathname).toBe("/");
    const accountId = back.searchParams.get("connected")!;
    expect(accountId).toMatch(/^acc_/);
    const user = await emu(`/__emu/users/${username}`);
    const [row] = await accountsIn(await workspaceOf(client));
    const list = await client.json("/api/accounts");
    expect(list).toEqual({
      status: 200,
      body: {
        accounts: [
          {
            id: accountId,
            openId: user.open_id,
            displayName: "Sunny Days",
            username,
            avatarUrl: expect.stringContaining(user.open_id),
            status: "active",
            statusReason: null,
            scopes: expect.arrayContaining(["user.info.basic", "video.publish", "video.upload"]),
            connectedAt: new Date(row!.connected_at as number).toISOString(),
            profile: {
              displayName: "Sunny Days",
              username,
              avatarUrl: expect.stringContaining(user.open_id),
              bioDescription: null,
              isVerified: false,
              profileDeepLink: null,
            },
            // Nothing synced yet: the first sync goes out with the next tick.
            stats: null,
            sync: {
              lastAt: null,
              nextAt: new Date(row!.connected_at as number).toISOString(),
              status: "pending",
              error: null,
              missingScopes: [],
              connectionExpiresAt: new Date(row!.refresh_expires_at as number).toISOString(),
            },
          },
        ],
      },
    });
    // A state is single use: the callback recorded it as used (by its hash, never the state itself).
    const used = await rows<{ state_hash: string }>(
      "SELECT state_hash FROM oauth_states WHERE user_id = (SELECT user_id FROM workspace_members WHERE workspace_id = ?)",
      row!.workspace_id,
    );
    expect(used).toHaveLength(1);
    expect(used[0]!.state_hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it("keeps TikTok tokens encrypted at rest: no column holds a token the emulator would accept", async () => {
    const client = await signedUpClient();
    const { accountId, openId } = await connectAccount(client);
    const [row] = await rows<AccountRow>("SELECT * FROM tiktok_accounts WHERE id = ?", accountId);

    const cipher = new TokenCipher(TEST_SECRETS.TOKEN_ENCRYPTION_KEY);
    const accessToken = await cipher.decrypt(row!.access_token_enc, { accountId, kind: "access" });
    const refreshToken = await cipher.decrypt(row!.refresh_token_enc, { accountId, kind: "refresh" });
    expect(accessToken).toMatch(/^act\./);
    expect(refreshToken).toMatch(/^rft\./);
    // The decrypted value really is the live TikTok token of this user…
    const info = await fetch(`${emulatorUrl()}/v2/user/info/?fields=open_id`, { headers: { authorization: `Bearer ${accessToken}` } });
    expect(((await info.json()) as any).data.user.open_id).toBe(openId);
    // …and neither token, nor any token-shaped string, appears in plaintext anywhere in the row.
    const stored = JSON.stringify(row);
    expect(stored).not.toContain(accessToken);
    expect(stored).not.toContain(refreshToken);
    expect(stored).not.toMatch(/act\.|rft\./);
    expect(row!.access_token_enc).not.toBe(row!.refresh_token_enc);
    // The API never hands tokens to the browser.
    expect(JSON.stringify((await client.json("/api/accounts")).body)).not.toMatch(/act\.|rft\.|token/i);
  });

  it("keeps a single account when the same TikTok user connects again, with fresh tokens", async () => {
    const client = await signedUpClient();
    const first = await connectAccount(client);
    const [before] = await rows<AccountRow>("SELECT * FROM tiktok_accounts WHERE id = ?", first.accountId);

    const second = await connectAccount(client, first.username);

    expect(second.accountId).toBe(first.accountId);
    const after = await accountsIn(await workspaceOf(client));
    expect(after).toHaveLength(1);
    expect(after[0]!.token_version).toBe((before!.token_version as number) + 1);
    expect(after[0]!.access_token_enc).not.toBe(before!.access_token_enc);
    expect((await client.json("/api/accounts")).body.accounts.map((a: { id: string }) => a.id)).toEqual([first.accountId]);
  });

  it("reports a cancelled consent as access_denied and stores nothing", async () => {
    const client = await signedUpClient();
    const back = await finish(client, await consent(await startConnect(client), "deny"));

    expect(back.pathname).toBe("/");
    expect(Object.fromEntries(back.searchParams)).toEqual({
      connect_error: "access_denied",
      message: "You cancelled the connection on TikTok.",
    });
    expect(await accountsIn(await workspaceOf(client))).toEqual([]);
  });

  it("refuses a callback whose state was never issued", async () => {
    const client = await signedUpClient();
    const authorize = await startConnect(client);
    const callback = new URL(await consent(authorize, "approve"), ORIGIN);
    callback.searchParams.set("state", "forged-state-value");

    const back = await finish(client, callback.pathname + callback.search);

    expect(back.searchParams.get("connect_error")).toBe("invalid_state");
    expect(back.searchParams.get("connected")).toBeNull();
    expect(await accountsIn(await workspaceOf(client))).toEqual([]);
  });

  it("refuses to replay a callback whose state was already used", async () => {
    const client = await signedUpClient();
    const callbackPath = await consent(await startConnect(client), "approve");
    const first = await finish(client, callbackPath);
    expect(first.searchParams.get("connected")).toMatch(/^acc_/);

    const replay = await finish(client, callbackPath);

    expect(replay.searchParams.get("connect_error")).toBe("invalid_state");
    expect(replay.searchParams.get("message")).toBe("The TikTok sign-in expired or did not start here. Try connecting again.");
    expect(await accountsIn(await workspaceOf(client))).toHaveLength(1);
  });

  it("does not let another signed-in user finish a connection someone else started", async () => {
    const alice = await signedUpClient();
    const mallory = await signedUpClient();
    const callbackPath = await consent(await startConnect(alice), "approve");

    const back = await finish(mallory, callbackPath);

    expect(back.searchParams.get("connect_error")).toBe("invalid_state");
    expect(await accountsIn(await workspaceOf(mallory))).toEqual([]);
    expect(await accountsIn(await workspaceOf(alice))).toEqual([]);
  });

  it("requires a session to start connecting", async () => {
    const res = await new Client().fetch("/api/accounts/tiktok/connect");
    expect(res.status).toBe(401);
    expect(((await res.json()) as any).error.code).toBe("unauthenticated");
  });
});

describe("creator info for the composer", () => {
  it("shows the creator's TikTok nickname and the privacy levels TikTok offers them", async () => {
    const client = await signedUpClient();
    const username = unique("creator");
    await emu(`/__emu/users/${username}`, "PUT", { nickname: "Mia Makes", commentDisabled: true, maxVideoPostDurationSec: 180 });
    const { accountId, openId } = await connectAccount(client, username);

    const res = await client.json(`/api/accounts/${accountId}/creator-info`);

    expect(res).toEqual({
      status: 200,
      body: {
        creatorInfo: {
          nickname: "Mia Makes",
          username,
          avatarUrl: expect.stringContaining(openId),
          privacyLevelOptions: ["PUBLIC_TO_EVERYONE", "MUTUAL_FOLLOW_FRIENDS", "SELF_ONLY"],
          commentDisabled: true,
          duetDisabled: false,
          stitchDisabled: false,
          maxVideoPostDurationSec: 180,
          canPost: true,
          cannotPostReason: null,
        },
      },
    });
  });

  it("says the creator cannot post right now, and why, when TikTok reports the daily limit reached", async () => {
    const client = await signedUpClient();
    const { accountId, username } = await connectAccount(client);
    await emu(`/__emu/users/${username}`, "PUT", { cannotPost: "spam_risk_too_many_posts" });

    const res = await client.json(`/api/accounts/${accountId}/creator-info`);

    expect(res.status).toBe(200);
    expect(res.body.creatorInfo.canPost).toBe(false);
    expect(res.body.creatorInfo.cannotPostReason).toBe(explain("spam_risk_too_many_posts"));
    expect(res.body.creatorInfo.cannotPostReason).toContain("daily posting limit");
    expect(res.body.creatorInfo.privacyLevelOptions).toEqual([]);
  });

  it("answers 404 for an account of another workspace and never calls TikTok for it", async () => {
    const owner = await signedUpClient();
    const { accountId, openId } = await connectAccount(owner);
    const stranger = await signedUpClient();
    const callsBefore = (await emu(`/__emu/record?openId=${openId}`)).calls.length;

    const res = await stranger.json(`/api/accounts/${accountId}/creator-info`);

    expect(res).toEqual({ status: 404, body: { error: { code: "not_found", message: "Account not found", details: null } } });
    expect((await stranger.json("/api/accounts")).body).toEqual({ accounts: [] });
    expect((await emu(`/__emu/record?openId=${openId}`)).calls).toHaveLength(callsBefore);
  });
});
