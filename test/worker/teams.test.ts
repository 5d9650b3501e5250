// Teams: invites by link, accept, roles, leave and remove, switching workspaces, approvals, and the audit log.
import { afterEach, describe, expect, it } from "vitest";
import { Client, connectAccount, postRequest, rows, schedulePost, signedUpClient, uploadVideo } from "./helpers";
import { invited, me } from "./team-helpers";
import { type World, world } from "./world";

let w: World | null = null;
afterEach(async () => {
  await w?.release();
  w = null;
});

describe("invites", () => {
  it("invites by a one-time link (token in the fragment, only its hash stored); accepting joins and switches the workspace", async () => {
    const owner = await signedUpClient();
    const ownerWs = (await me(owner)).workspace;
    const created = await owner.json("/api/invites", { role: "editor" });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      delivery: "link",
      invite: { role: "editor", email: null, invitedBy: (await me(owner)).user.email },
    });
    const url = new URL(created.body.url);
    expect(url.pathname).toBe("/invite");
    const token = url.hash.slice(1);
    expect(JSON.stringify(await rows("SELECT * FROM invites WHERE workspace_id = ?", ownerWs.id))).not.toContain(token);

    const newcomer = await signedUpClient();
    const preview = await newcomer.json("/api/invites/preview", { token });
    expect(preview.body).toMatchObject({ workspace: { id: ownerWs.id, name: ownerWs.name }, role: "editor" });
    const accepted = await newcomer.json("/api/invites/accept", { token });
    expect(accepted.body).toMatchObject({ id: ownerWs.id, role: "editor", current: true });
    expect((await me(newcomer)).workspace).toMatchObject({ id: ownerWs.id, role: "editor" });

    // Single use: the link no longer works, for anyone.
    expect((await (await signedUpClient()).json("/api/invites/accept", { token })).status).toBe(404);
    const members = (await owner.json("/api/members")).body.members;
    expect(members.map((m: { role: string }) => m.role)).toEqual(["owner", "editor"]);
  });

  it("keeps an invite for one email to that person, and lets admins list and revoke open invites", async () => {
    const owner = await signedUpClient();
    const target = await signedUpClient();
    const email = (await me(target)).user.email;
    const forTarget = await owner.json("/api/invites", { role: "viewer", email: email.toUpperCase() });
    const token = new URL(forTarget.body.url).hash.slice(1);
    expect((await (await signedUpClient()).json("/api/invites/accept", { token })).body.error.code).toBe("invite_for_someone_else");

    const spare = await owner.json("/api/invites", { role: "admin" });
    expect((await owner.json("/api/invites")).body.invites.map((i: { id: string }) => i.id).sort()).toEqual(
      [forTarget.body.invite.id, spare.body.invite.id].sort(),
    );
    expect((await owner.fetch(`/api/invites/${spare.body.invite.id}`, { method: "DELETE" })).status).toBe(204);
    expect((await (await signedUpClient()).json("/api/invites/accept", { token: new URL(spare.body.url).hash.slice(1) })).status).toBe(404);
    expect((await target.json("/api/invites/accept", { token })).status).toBe(200);
  });
});

describe("roles", () => {
  it("lets admins change roles, keeps at least one owner, and lets only owners make owners", async () => {
    const owner = await signedUpClient();
    const admin = await invited(owner, "admin");
    const editor = await invited(owner, "editor");
    const ownerId = (await me(owner)).user.id;

    expect((await admin.client.json(`/api/members/${editor.userId}`, { role: "viewer" }, "PATCH")).body.member.role).toBe("viewer");
    expect((await admin.client.json(`/api/members/${editor.userId}`, { role: "owner" }, "PATCH")).status).toBe(403);
    expect((await admin.client.json(`/api/members/${ownerId}`, { role: "viewer" }, "PATCH")).status).toBe(403);
    const last = await owner.json(`/api/members/${ownerId}`, { role: "admin" }, "PATCH");
    expect(last).toMatchObject({ status: 409, body: { error: { code: "last_owner" } } });
    expect((await owner.json(`/api/members/${admin.userId}`, { role: "owner" }, "PATCH")).body.member.role).toBe("owner");
    expect((await owner.json(`/api/members/${ownerId}`, { role: "admin" }, "PATCH")).status).toBe(200);
    // The new role applies at once, to the same session.
    expect((await editor.client.json("/api/videos", { filename: "a.mp4", size: 1000, contentType: "video/mp4" })).status).toBe(403);
  });

  it("removes a member (their session moves back to their own workspace) and lets a member leave", async () => {
    const owner = await signedUpClient();
    const editor = await invited(owner, "editor");
    const viewer = await invited(owner, "viewer");
    const ws = (await me(owner)).workspace.id;

    expect((await owner.fetch(`/api/members/${editor.userId}`, { method: "DELETE" })).status).toBe(204);
    const after = await me(editor.client);
    expect(after.workspace.id).not.toBe(ws);
    expect(after.workspace.role).toBe("owner");
    expect((await editor.client.json("/api/posts")).body.posts).toEqual([]);

    expect((await viewer.client.fetch("/api/workspace/leave", { method: "POST" })).status).toBe(204);
    expect((await me(viewer.client)).workspace.id).not.toBe(ws);
    expect((await owner.fetch("/api/workspace/leave", { method: "POST" })).status).toBe(409);
    expect((await owner.json("/api/members")).body.members).toHaveLength(1);
  });
});

describe("several workspaces", () => {
  it("lists a person's workspaces and switches the session between them", async () => {
    const owner = await signedUpClient();
    const member = await invited(owner, "viewer");
    const list = (await member.client.json("/api/workspaces")).body.workspaces;
    expect(list.map((x: { role: string; current: boolean }) => [x.role, x.current])).toEqual([
      ["owner", false],
      ["viewer", true],
    ]);
    const switched = await member.client.json("/api/workspaces/switch", { workspaceId: list[0].id });
    expect(switched.body.workspace).toMatchObject({ id: list[0].id, role: "owner" });
    expect((await me(member.client)).workspace.id).toBe(list[0].id);
    const created = await member.client.json("/api/workspaces", { name: "Agency B" });
    expect(created).toMatchObject({ status: 201, body: { name: "Agency B", role: "owner", current: false } });
    expect((await member.client.json("/api/workspaces/switch", { workspaceId: "ws_someone_elses" })).status).toBe(404);
  });
});

describe("approvals", () => {
  it("holds an editor's post for approval; an admin approves it and it is published on time", async () => {
    w = await world();
    const owner = await signedUpClient(w.fetcher);
    const { accountId } = await connectAccount(owner);
    expect((await owner.json("/api/workspace", { requireApproval: true }, "PATCH")).body.workspace.requireApproval).toBe(true);
    const editor = await invited(owner, "editor", w.fetcher);
    const { videoId } = await uploadVideo(editor.client);

    const post = await schedulePost(editor.client, accountId, videoId, { scheduledAt: w.at(30_000) });
    expect(post.status).toBe("pending_approval");
    await w.advanceTo(w.now() + 5_000);
    await w.tick();
    expect(w.publishMessages()).toEqual([]);
    // An admin's own posts need no approval.
    expect((await postRequest(owner, { accountId, videoId })).body.post.status).toBe("scheduled");

    const approved = await owner.json(`/api/posts/${post.id}/approve`, {});
    expect(approved.body.post.status).toBe("queued");
    const [view] = await w.publish(owner, [accountId], [post.id]);
    expect(view!.post.status).toBe("published");
    expect(view!.events.map((e) => e.type).slice(0, 3)).toEqual(["submitted", "approved", "queued"]);
  });

  it("lets an admin reject it, and makes it missed when nobody approves it within its late policy", async () => {
    w = await world();
    const owner = await signedUpClient(w.fetcher);
    const { accountId } = await connectAccount(owner);
    await owner.json("/api/workspace", { requireApproval: true }, "PATCH");
    const editor = await invited(owner, "editor", w.fetcher);
    const { videoId } = await uploadVideo(editor.client);
    const rejected = await schedulePost(editor.client, accountId, videoId, { scheduledAt: w.at(3600_000) });
    const forgotten = await schedulePost(editor.client, accountId, videoId, { scheduledAt: w.at(120_000), latePolicyMinutes: 5 });

    expect((await editor.client.json(`/api/posts/${rejected.id}/approve`, {})).status).toBe(403);
    const no = await owner.json(`/api/posts/${rejected.id}/reject`, { reason: "Off brand" });
    expect(no.body.post).toMatchObject({
      status: "cancelled",
      lastError: { code: "rejected", message: expect.stringContaining("Off brand") },
    });

    await w.advanceTo(w.now() + 120_000 + 6 * 60_000 + 60_000);
    await w.tick();
    expect((await owner.json(`/api/posts/${forgotten.id}`)).body.post.status).toBe("missed");
  });
});

describe("the audit log", () => {
  it("records sign-ins, members and roles, connections, posts and tokens, for admins only", async () => {
    const owner = await signedUpClient();
    const { accountId } = await connectAccount(owner);
    const { videoId } = await uploadVideo(owner);
    const { body } = await postRequest(owner, { accountId, videoId });
    await owner.json(`/api/posts/${body.post.id}`, { caption: "edited" }, "PATCH");
    await owner.fetch(`/api/posts/${body.post.id}`, { method: "DELETE" });
    const viewer = await invited(owner, "viewer");
    await owner.json(`/api/members/${viewer.userId}`, { role: "editor" }, "PATCH");
    const token = await owner.json("/api/tokens", { name: "CI" });
    await owner.fetch(`/api/tokens/${token.body.apiToken.id}`, { method: "DELETE" });

    const log = await owner.json("/api/audit");
    expect(log.status).toBe(200);
    const actions = log.body.events.map((e: { action: string }) => e.action).reverse();
    expect(actions).toEqual([
      "auth.sign_in",
      "account.connect",
      "post.schedule",
      "post.edit",
      "post.cancel",
      "member.invite",
      "member.join",
      "member.role_change",
      "token.create",
      "token.revoke",
    ]);
    expect(log.body.events[2]).toMatchObject({
      action: "member.role_change",
      data: { from: "viewer", to: "editor" },
      actor: { via: "session" },
    });
    expect((await (await new Client()).json("/api/audit")).status).toBe(401);
  });
});
