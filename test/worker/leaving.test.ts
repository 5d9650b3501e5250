// Leaving for good: exports first, then a workspace or an account deleted with everything (posts, timelines, videos
// in R2, accounts with their access revoked at TikTok, sessions, tokens), and TikTok's authorization.removed
// disconnecting an account the same way (its waiting posts cancelled).
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { hmacSha256Hex } from "../../src/shared/crypto";
import { tokenCipher } from "../../src/shared/token-cipher";
import { TEST_SECRETS } from "../secrets";
import { bareFetch, Client, connectAccount, emulatorUrl, postRequest, rows, signedUpClient, uploadVideo } from "./helpers";
import { apiToken, invited, me, tokenClient } from "./team-helpers";

const PASSWORD = "correct horse battery";

async function fullWorkspace() {
  const owner = await signedUpClient();
  const { accountId, openId } = await connectAccount(owner);
  const { videoId } = await uploadVideo(owner);
  const { body } = await postRequest(owner, { accountId, videoId });
  const [account] = await rows<{ access_token_enc: string }>("SELECT access_token_enc FROM tiktok_accounts WHERE id = ?", accountId);
  const accessToken = await tokenCipher(env).decrypt(account!.access_token_enc, { accountId, kind: "access" });
  const workspace = (await me(owner)).workspace;
  return { owner, accountId, openId, videoId, postId: body.post.id as string, accessToken, workspace };
}

const tikTokAccepts = async (accessToken: string) =>
  (await fetch(`${emulatorUrl()}/v2/user/info/?fields=open_id`, { headers: { authorization: `Bearer ${accessToken}` } })).status === 200;

async function leftBehind(workspaceId: string, ids: { postId: string; videoId: string }) {
  const count = async (sql: string, ...binds: unknown[]) => (await rows<{ n: number }>(sql, ...binds))[0]!.n;
  return {
    workspace: await count("SELECT count(*) AS n FROM workspaces WHERE id = ?", workspaceId),
    members: await count("SELECT count(*) AS n FROM workspace_members WHERE workspace_id = ?", workspaceId),
    accounts: await count("SELECT count(*) AS n FROM tiktok_accounts WHERE workspace_id = ?", workspaceId),
    videos: await count("SELECT count(*) AS n FROM videos WHERE workspace_id = ?", workspaceId),
    posts: await count("SELECT count(*) AS n FROM posts WHERE workspace_id = ?", workspaceId),
    events: await count("SELECT count(*) AS n FROM post_events WHERE post_id = ?", ids.postId),
    tokens: await count("SELECT count(*) AS n FROM api_tokens WHERE workspace_id = ?", workspaceId),
    audit: await count("SELECT count(*) AS n FROM audit_events WHERE workspace_id = ?", workspaceId),
    sessions: await count("SELECT count(*) AS n FROM sessions WHERE workspace_id = ?", workspaceId),
    r2: (await env.VIDEOS.list({ prefix: `${workspaceId}/` })).objects.length,
  };
}

describe("exports", () => {
  it("exports a workspace as JSON: settings, members, accounts (no tokens), the videos' list, posts with timelines, the audit log", async () => {
    const ws = await fullWorkspace();
    await ws.owner.json("/api/settings", { timezone: "Europe/Paris" }, "PUT");
    await ws.owner.json("/api/hashtag-groups", { name: "Food", hashtags: ["#food"] });
    const res = await ws.owner.fetch("/api/workspace/export");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-disposition")).toMatch(/^attachment; filename="postflare-ws_/);
    const doc = (await res.json()) as any;
    expect(doc.workspace).toMatchObject({ id: ws.workspace.id, name: ws.workspace.name });
    expect(doc.members).toHaveLength(1);
    expect(doc.accounts.map((a: { id: string }) => a.id)).toEqual([ws.accountId]);
    expect(doc.videos).toEqual([expect.objectContaining({ id: ws.videoId, contentUrl: `/api/videos/${ws.videoId}/content` })]);
    expect(doc.posts[0]).toMatchObject({ id: ws.postId, events: [expect.objectContaining({ type: "scheduled" })] });
    expect(doc.planner).toMatchObject({
      timezone: "Europe/Paris",
      hashtagGroups: [expect.objectContaining({ name: "Food", hashtags: ["#food"] })],
      captionTemplates: [],
      postingSchedules: [],
    });
    expect(doc.audit.map((a: { action: string }) => a.action)).toContain("post.schedule");
    expect(JSON.stringify(doc)).not.toMatch(/act\.|rft\.|token_enc|password/i);

    const mine = (await ws.owner.json("/api/me/export")).body;
    expect(mine.user.email).toBe((await me(ws.owner)).user.email);
    expect(mine.workspaces[0].export.posts).toHaveLength(1);
  });
});

describe("deleting a workspace", () => {
  it("asks for its exact name, then deletes everything in it and revokes its accounts at TikTok first", async () => {
    const ws = await fullWorkspace();
    const editor = await invited(ws.owner, "editor");
    await apiToken(ws.owner);
    expect((await editor.client.json("/api/workspace", { confirm: ws.workspace.name }, "DELETE")).status).toBe(403);
    const wrong = await ws.owner.json("/api/workspace", { confirm: "not the name" }, "DELETE");
    expect(wrong.status).toBe(400);
    expect((await leftBehind(ws.workspace.id, ws)).posts).toBe(1);
    expect(await tikTokAccepts(ws.accessToken)).toBe(true);

    const res = await ws.owner.fetch("/api/workspace", {
      method: "DELETE",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ confirm: ws.workspace.name }),
    });

    expect(res.status).toBe(204);
    expect(await leftBehind(ws.workspace.id, ws)).toEqual({
      workspace: 0,
      members: 0,
      accounts: 0,
      videos: 0,
      posts: 0,
      events: 0,
      tokens: 0,
      audit: 0,
      sessions: 0,
      r2: 0,
    });
    expect(await tikTokAccepts(ws.accessToken)).toBe(false);
    // The editor works in their own workspace again; the owner had no other one: signed out.
    expect((await me(editor.client)).workspace.id).not.toBe(ws.workspace.id);
    expect((await ws.owner.json("/api/me")).status).toBe(401);
  });
});

describe("deleting an account", () => {
  it("refuses while the person is the only owner of a workspace others use, then deletes them and their own workspace", async () => {
    const ws = await fullWorkspace();
    const email = (await me(ws.owner)).user.email;
    const editor = await invited(ws.owner, "editor");
    const script = tokenClient((await apiToken(ws.owner)).token);
    const body = { password: PASSWORD, confirm: "delete my account" };

    const blocked = await ws.owner.json("/api/me", body, "DELETE");
    expect(blocked).toMatchObject({ status: 409, body: { error: { code: "transfer_ownership" } } });
    expect((await ws.owner.json("/api/me", { ...body, password: "not my password" }, "DELETE")).body.error.code).toBe("wrong_password");
    await ws.owner.json(`/api/members/${editor.userId}`, { role: "owner" }, "PATCH");

    const done = await ws.owner.json("/api/me", body, "DELETE");
    expect(done.status).toBe(200);
    expect(done.body.leftWorkspaces).toEqual([ws.workspace.id]);
    expect(await rows("SELECT id FROM users WHERE email = ?", email)).toEqual([]);
    expect((await new Client().json("/api/auth/login", { email, password: PASSWORD })).status).toBe(401);
    expect((await script.json("/api/posts")).status).toBe(401);
    // The workspace they left keeps its posts, now without an author.
    expect(await rows("SELECT created_by FROM posts WHERE id = ?", ws.postId)).toEqual([{ created_by: null }]);
  });
});

describe("TikTok's authorization.removed", () => {
  it("disconnects the account like a removal: tokens forgotten, waiting posts cancelled with the reason", async () => {
    const ws = await fullWorkspace();
    const raw = JSON.stringify({
      client_key: TEST_SECRETS.TIKTOK_CLIENT_KEY,
      event: "authorization.removed",
      create_time: Math.floor(Date.now() / 1000),
      user_openid: ws.openId,
      content: JSON.stringify({ reason: 1 }),
    });
    const t = Math.floor(Date.now() / 1000);
    const signature = `t=${t},s=${await hmacSha256Hex(TEST_SECRETS.TIKTOK_CLIENT_SECRET, `${t}.${raw}`)}`;
    const res = await bareFetch("/api/webhooks/tiktok", { method: "POST", headers: { "tiktok-signature": signature }, body: raw });
    expect(res.status).toBe(200);

    const post = (await ws.owner.json(`/api/posts/${ws.postId}`)).body.post;
    expect(post).toMatchObject({ status: "cancelled", lastError: { code: "account_disconnected" } });
    expect(await rows("SELECT status, access_token_enc, refresh_token_enc FROM tiktok_accounts WHERE id = ?", ws.accountId)).toEqual([
      { status: "disconnected", access_token_enc: "", refresh_token_enc: "" },
    ]);
  });

  it("is what an admin's DELETE /api/accounts/:id does too, after revoking the access at TikTok", async () => {
    const ws = await fullWorkspace();
    const res = await ws.owner.json(`/api/accounts/${ws.accountId}`, undefined, "DELETE");
    expect(res.status).toBe(200);
    expect(res.body.accounts[0]).toMatchObject({ id: ws.accountId, status: "disconnected" });
    expect(await tikTokAccepts(ws.accessToken)).toBe(false);
    expect((await ws.owner.json(`/api/posts/${ws.postId}`)).body.post.status).toBe("cancelled");
  });
});
