// API tokens: shown once and stored hashed, `Authorization: Bearer` on every route a member may use (with that
// member's role, or less), no CSRF defence needed, and a revoked, tampered or orphaned token gets 401.
import { describe, expect, it } from "vitest";
import { bareFetch, connectAccount, postRequest, rows, sha256Hex, signedUpClient, uploadVideo } from "./helpers";
import { apiToken, invited, me, tokenClient } from "./team-helpers";

const hashOf = (text: string) => sha256Hex(new TextEncoder().encode(text));

describe("API tokens", () => {
  it("shows a new token once, stores only its SHA-256, and lists it without the secret", async () => {
    const owner = await signedUpClient();
    const created = await owner.json("/api/tokens", { name: "Zapier" });

    expect(created.status).toBe(201);
    expect(created.body).toEqual({
      token: expect.stringMatching(/^pft_[A-Za-z0-9_-]{43}$/),
      apiToken: { id: expect.stringMatching(/^tok_/), name: "Zapier", role: null, createdAt: expect.any(String), lastUsedAt: null },
    });
    const { token, apiToken: view } = created.body;
    const stored = await rows<{ token_hash: string }>("SELECT * FROM api_tokens WHERE id = ?", view.id);
    expect(stored[0]!.token_hash).toBe(await hashOf(token));
    expect(JSON.stringify(await rows("SELECT * FROM api_tokens"))).not.toContain(token);
    const list = await owner.json("/api/tokens");
    expect(list.body.tokens).toEqual([view]);
    expect(JSON.stringify(list.body)).not.toContain(token);
  });

  it("works as the member on reads and writes, from any origin, with no cookie and no CSRF header", async () => {
    const owner = await signedUpClient();
    const { accountId } = await connectAccount(owner);
    const { videoId } = await uploadVideo(owner);
    const script = tokenClient((await apiToken(owner)).token);

    const created = await postRequest(script, { accountId, videoId });
    expect(created.status).toBe(201);
    const listed = await script.json("/api/posts");
    expect(listed.body.posts.map((p: { id: string }) => p.id)).toEqual([created.body.post.id]);
    expect((await script.json("/api/me")).body).toEqual(await me(owner));
    const [row] = await rows<{ created_by: string }>("SELECT created_by FROM posts WHERE id = ?", created.body.post.id);
    expect(row!.created_by).toBe((await me(owner)).user.id);
    // Its last use is recorded for the token list.
    expect((await owner.json("/api/tokens")).body.tokens[0].lastUsedAt).not.toBeNull();
  });

  it("acts with its member's role, capped by the token's own role", async () => {
    const owner = await signedUpClient();
    const viewer = await invited(owner, "viewer");
    const viewerScript = tokenClient((await apiToken(viewer.client)).token);
    const readOnly = tokenClient((await apiToken(owner, { role: "viewer" })).token);

    for (const script of [viewerScript, readOnly]) {
      expect((await script.json("/api/posts")).status).toBe(200);
      const write = await script.json("/api/videos", { filename: "a.mp4", size: 1000, contentType: "video/mp4" });
      expect(write.status).toBe(403);
      expect(write.body.error.code).toBe("forbidden");
    }
    // Nobody mints a token above their own role.
    expect((await viewer.client.json("/api/tokens", { name: "x", role: "admin" })).status).toBe(403);
  });

  it("answers 401 to a revoked, a tampered, a malformed or an orphaned token", async () => {
    const owner = await signedUpClient();
    const revoked = await apiToken(owner);
    expect((await owner.fetch(`/api/tokens/${revoked.apiToken.id}`, { method: "DELETE" })).status).toBe(204);
    const kept = await apiToken(owner);
    const tampered = `${kept.token.slice(0, -1)}${kept.token.endsWith("A") ? "B" : "A"}`;
    const editor = await invited(owner, "editor");
    const orphan = await apiToken(editor.client);
    expect((await owner.fetch(`/api/members/${editor.userId}`, { method: "DELETE" })).status).toBe(204);

    for (const [what, header] of [
      ["revoked", `Bearer ${revoked.token}`],
      ["tampered", `Bearer ${tampered}`],
      ["malformed", "Bearer not a token!"],
      ["basic scheme", "Basic dXNlcjpwYXNz"],
      ["removed member", `Bearer ${orphan.token}`],
    ]) {
      const res = await bareFetch("/api/posts", { headers: { authorization: header! } });
      expect(res.status, what).toBe(401);
      expect(((await res.json()) as any).error.code, what).toBe("invalid_token");
    }
    // A bad token is never "rescued" by a valid cookie sent with it.
    const both = await bareFetch("/api/posts", { headers: { authorization: `Bearer ${tampered}`, cookie: owner.cookie } });
    expect(both.status).toBe(401);
    expect((await tokenClient(kept.token).json("/api/posts")).status).toBe(200);
  });

  it("cannot manage the person's account: tokens, sessions, password and deletion need their session", async () => {
    const owner = await signedUpClient();
    const script = tokenClient((await apiToken(owner)).token);
    for (const [method, path, body] of [
      ["POST", "/api/tokens", { name: "more" }],
      ["GET", "/api/tokens", undefined],
      ["GET", "/api/sessions", undefined],
      ["POST", "/api/auth/password", { currentPassword: "correct horse battery", newPassword: "another long passphrase" }],
      ["DELETE", "/api/me", { password: "correct horse battery", confirm: "delete my account" }],
    ] as const) {
      const res = await script.json(path, body, method);
      expect(res.status, `${method} ${path}`).toBe(403);
      expect(res.body.error.code).toBe("session_required");
    }
    expect(await rows("SELECT id FROM users WHERE id = ?", (await me(owner)).user.id)).toHaveLength(1);
  });
});
