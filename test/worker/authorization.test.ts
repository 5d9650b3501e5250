// Every /api route is authorised by role as well as scoped by workspace (reliability-security.md, "IDOR/BOLA"). The
// route list comes from the OpenAPI document, where each route carries the role it needs (`x-role`): a route added
// without a guard, or without a case below, fails this file.
import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { bareFetch, type Client, connectAccount, ORIGIN, postRequest, signedUpClient, uploadVideo } from "./helpers";
import { apiToken, invited, type Member, me } from "./team-helpers";

type Operation = { "x-role"?: string; "x-person-only"?: boolean; security?: unknown[] };
type Doc = { paths: Record<string, Record<string, Operation>>; components: { securitySchemes?: Record<string, unknown> } };
const METHODS = ["get", "post", "put", "patch", "delete"] as const;
const RANK: Record<string, number> = { user: 0, viewer: 1, editor: 2, admin: 3, owner: 4 };

const PUBLIC = new Set([
  "POST /auth/signup",
  "POST /auth/login",
  "POST /auth/logout",
  "GET /health/live",
  "POST /webhooks/tiktok",
  "GET /media/{id}",
]);

/** Writes any member may make, whatever their role: their own account, sessions, tokens and workspace choice. */
const SELF_SERVICE_WRITES = [
  "DELETE /me",
  "DELETE /sessions/{id}",
  "DELETE /tokens/{id}",
  "POST /auth/logout-everywhere",
  "POST /auth/password",
  "POST /invites/accept",
  "POST /invites/preview",
  "POST /mcp",
  "POST /notifications/read",
  "POST /tokens",
  "POST /workspace/leave",
  "POST /workspaces",
  "POST /workspaces/switch",
  "PUT /alerts/preferences",
];

/**
 * How a member of another workspace is kept out of each route: "id" (the path names an object of workspace A →
 * 404), "ref" (the body names one → 404), "list" (answers only the caller's own workspace: none of A's ids appear),
 * or "self" (takes no id: it can only act on the caller's own account or workspace).
 */
const SCOPE: Record<string, "id" | "ref" | "list" | "self"> = {
  "GET /me": "list",
  "GET /me/export": "list",
  "DELETE /me": "self",
  "GET /sessions": "list",
  "DELETE /sessions/{id}": "id",
  "POST /auth/logout-everywhere": "self",
  "POST /auth/password": "self",
  "GET /tokens": "list",
  "POST /tokens": "self",
  "DELETE /tokens/{id}": "id",
  "GET /workspaces": "list",
  "POST /workspaces": "self",
  "POST /workspaces/switch": "ref",
  "GET /workspace": "list",
  "PATCH /workspace": "self",
  "DELETE /workspace": "self",
  "GET /workspace/export": "list",
  "POST /workspace/leave": "self",
  "GET /members": "list",
  "PATCH /members/{userId}": "id",
  "DELETE /members/{userId}": "id",
  "GET /invites": "list",
  "POST /invites": "self",
  "DELETE /invites/{id}": "id",
  "POST /invites/preview": "ref",
  "POST /invites/accept": "ref",
  "GET /audit": "list",
  "GET /accounts": "list",
  "GET /accounts/tiktok/connect": "self",
  "GET /accounts/tiktok/callback": "ref",
  "GET /accounts/{id}/creator-info": "id",
  "DELETE /accounts/{id}": "id",
  "POST /accounts/{id}/sync": "id",
  "GET /accounts/{id}/stats": "id",
  "GET /accounts/{id}/avatar": "id",
  "POST /videos": "self",
  "GET /videos": "list",
  "PUT /videos/{id}/parts/{n}": "id",
  "POST /videos/{id}/complete": "id",
  "GET /videos/{id}/content": "id",
  "GET /videos/{id}": "id",
  "DELETE /videos/{id}": "id",
  "PUT /videos/{id}/thumbnail": "id",
  "GET /videos/{id}/thumbnail": "id",
  "POST /posts": "ref",
  "GET /posts": "list",
  "GET /posts/{id}": "id",
  "PATCH /posts/{id}": "id",
  "DELETE /posts/{id}": "id",
  "POST /posts/{id}/approve": "id",
  "POST /posts/{id}/reject": "id",
  "GET /posts/{id}/metrics": "id",
  "GET /posts/{id}/cover": "id",
  "GET /health": "list",
  // The planner (issue 13).
  "POST /drafts": "ref",
  "PATCH /drafts/{id}": "id",
  "DELETE /drafts/{id}": "id",
  "POST /posts/{id}/schedule": "id",
  "POST /posts/{id}/unschedule": "id",
  "POST /posts/{id}/duplicate": "id",
  "POST /posts/{id}/restore": "id",
  "POST /posts/queue": "ref",
  "POST /posts/bulk": "ref",
  "GET /accounts/{id}/queue": "id",
  "PUT /accounts/{id}/queue": "id",
  "GET /queue/slots": "list",
  "GET /settings": "list",
  "PUT /settings": "self",
  "GET /hashtag-groups": "list",
  "POST /hashtag-groups": "self",
  "PUT /hashtag-groups/{id}": "id",
  "DELETE /hashtag-groups/{id}": "id",
  "GET /caption-templates": "list",
  "POST /caption-templates": "self",
  "PUT /caption-templates/{id}": "id",
  "DELETE /caption-templates/{id}": "id",
  // A WebSocket upgrade for the caller's own workspace (tested in live.test.ts).
  "GET /live": "self",
  "GET /webhook-endpoints": "list",
  "POST /webhook-endpoints": "self",
  "PATCH /webhook-endpoints/{id}": "id",
  "DELETE /webhook-endpoints/{id}": "id",
  "POST /webhook-endpoints/{id}/rotate-secret": "id",
  "POST /webhook-endpoints/{id}/test": "id",
  "GET /webhook-endpoints/{id}/deliveries": "id",
  "POST /webhook-endpoints/{id}/deliveries/{deliveryId}/redeliver": "id",
  "GET /alerts/preferences": "list",
  "PUT /alerts/preferences": "self",
  "GET /alert-channels": "list",
  "POST /alert-channels": "self",
  "DELETE /alert-channels/{id}": "id",
  "GET /notifications": "list",
  "POST /notifications/read": "self",
  "GET /email-outbox": "list",
  "GET /email-outbox/page": "list",
  "POST /mcp": "self",
  "POST /imports/preview": "self",
  "POST /imports/confirm": "self",
  "GET /imports/template": "list",
};

type Fixture = { owner: Client; viewer: Member; editor: Member; ids: Record<string, string>; other: Client };
let f: Fixture;

async function operations() {
  const doc = (await (await bareFetch("/api/openapi.json")).json()) as Doc;
  return {
    doc,
    ops: Object.entries(doc.paths).flatMap(([path, ops]) =>
      METHODS.filter((m) => ops[m]).map((m) => ({ key: `${m.toUpperCase()} ${path}`, method: m.toUpperCase(), path, op: ops[m]! })),
    ),
  };
}

function concrete(path: string, ids: Record<string, string>) {
  return path
    .replace("/posts/{id}", `/posts/${ids.post}`)
    .replace("/drafts/{id}", `/drafts/${ids.post}`)
    .replace("/hashtag-groups/{id}", `/hashtag-groups/${ids.group}`)
    .replace("/caption-templates/{id}", `/caption-templates/${ids.template}`)
    .replace("/videos/{id}", `/videos/${ids.video}`)
    .replace("/accounts/{id}", `/accounts/${ids.account}`)
    .replace("/invites/{id}", `/invites/${ids.invite}`)
    .replace("/tokens/{id}", `/tokens/${ids.token}`)
    .replace("/sessions/{id}", `/sessions/${ids.session}`)
    .replace("/webhook-endpoints/{id}", `/webhook-endpoints/${ids.endpoint}`)
    .replace("{deliveryId}", "whd_none")
    .replace("/alert-channels/{id}", `/alert-channels/${ids.channel}`)
    .replace("{userId}", ids.editor!)
    .replace("{n}", "1");
}

/** A body that passes validation, so what answers is the guard or the workspace scope. */
function bodyFor(key: string, ids: Record<string, string>): unknown {
  const bodies: Record<string, unknown> = {
    "POST /posts": {
      accountId: ids.account,
      videoId: ids.video,
      caption: "x",
      privacyLevel: "SELF_ONLY",
      scheduledAt: new Date(Date.now() + 3 * 86_400_000).toISOString(),
      timezone: "UTC",
    },
    "PATCH /posts/{id}": { caption: "changed" },
    "POST /posts/{id}/reject": { reason: "no" },
    "PATCH /members/{userId}": { role: "viewer" },
    "POST /invites": { role: "viewer" },
    "POST /invites/accept": { token: `inv_${"x".repeat(43)}` },
    "POST /invites/preview": { token: `inv_${"x".repeat(43)}` },
    "POST /tokens": { name: "probe" },
    "POST /workspaces": { name: "probe" },
    "POST /workspaces/switch": { workspaceId: ids.workspace },
    "PATCH /workspace": { name: "probe" },
    "DELETE /workspace": { confirm: "probe" },
    "POST /videos": { filename: "clip.mp4", size: 1000, contentType: "video/mp4" },
    "POST /auth/password": { currentPassword: "whatever", newPassword: "a long new passphrase" },
    "DELETE /me": { password: "whatever", confirm: "delete my account" },
    "POST /drafts": { accountId: ids.account, videoId: ids.video, timezone: "UTC" },
    "PATCH /drafts/{id}": { caption: "changed" },
    "POST /posts/{id}/schedule": { scheduledAt: new Date(Date.now() + 3 * 86_400_000).toISOString() },
    "POST /posts/queue": { accountId: ids.account, videoId: ids.video, privacyLevel: "SELF_ONLY" },
    "POST /posts/bulk": { action: "cancel", ids: [ids.post] },
    "PUT /accounts/{id}/queue": { timezone: "UTC", slots: [] },
    "PUT /settings": { timezone: "UTC" },
    "POST /hashtag-groups": { name: "probe", hashtags: ["#probe"] },
    "PUT /hashtag-groups/{id}": { name: "probe", hashtags: ["#probe"] },
    "POST /caption-templates": { name: "probe", body: "probe" },
    "PUT /caption-templates/{id}": { name: "probe", body: "probe" },
    "POST /webhook-endpoints": { url: "https://hooks.example.com/probe", events: ["post.failed"] },
    "PATCH /webhook-endpoints/{id}": { enabled: false },
    "POST /alert-channels": { kind: "slack", url: "https://hooks.slack.com/services/probe", alerts: ["failed"] },
    "PUT /alerts/preferences": { failed: ["in_app"] },
    "POST /notifications/read": { all: true },
    "POST /imports/preview": { csv: "video,date,time,time_zone,account\nclip.mp4,2027-01-01,10:00,UTC,@probe" },
    "POST /imports/confirm": { csv: "video,date,time,time_zone,account\nclip.mp4,2027-01-01,10:00,UTC,@probe", rows: [2] },
  };
  return bodies[key] ?? {};
}

async function call(client: Client, method: string, path: string, key: string) {
  const url = `/api${concrete(path, f.ids)}`;
  if (key === "PUT /videos/{id}/parts/{n}")
    return client.fetch(url, { method, body: new Uint8Array(10), headers: { "content-length": "10" } });
  if (method === "GET") return client.fetch(key === "GET /accounts/tiktok/callback" ? `${url}?state=x.1.y&code=z` : url);
  return client.fetch(url, { method, headers: { "content-type": "application/json" }, body: JSON.stringify(bodyFor(key, f.ids)) });
}

async function rowsOfA() {
  const ws = f.ids.workspace;
  const q = (sql: string) =>
    env.DB.prepare(sql)
      .bind(ws)
      .all()
      .then((r) => r.results);
  return {
    posts: await q("SELECT * FROM posts WHERE workspace_id = ?"),
    videos: await q("SELECT * FROM videos WHERE workspace_id = ?"),
    accounts: await q("SELECT * FROM tiktok_accounts WHERE workspace_id = ?"),
    members: await q("SELECT * FROM workspace_members WHERE workspace_id = ?"),
    invites: await q("SELECT * FROM invites WHERE workspace_id = ?"),
    tokens: await q("SELECT * FROM api_tokens WHERE workspace_id = ?"),
    endpoints: await q("SELECT * FROM webhook_endpoints WHERE workspace_id = ?"),
    channels: await q("SELECT * FROM alert_channels WHERE workspace_id = ?"),
    workspace: await q("SELECT * FROM workspaces WHERE id = ?"),
    queues: await q("SELECT * FROM queue_schedules WHERE workspace_id = ?"),
    settings: await q("SELECT * FROM workspace_settings WHERE workspace_id = ?"),
    hashtagGroups: await q("SELECT * FROM hashtag_groups WHERE workspace_id = ?"),
    templates: await q("SELECT * FROM caption_templates WHERE workspace_id = ?"),
  };
}

beforeAll(async () => {
  const owner = await signedUpClient();
  const { accountId } = await connectAccount(owner);
  const { videoId } = await uploadVideo(owner);
  const { body } = await postRequest(owner, { accountId, videoId });
  const viewer = await invited(owner, "viewer");
  const editor = await invited(owner, "editor");
  const invite = (await owner.json("/api/invites", { role: "editor" })).body.invite.id as string;
  const token = (await apiToken(owner)).apiToken.id;
  const session = (await owner.json("/api/sessions")).body.sessions[0].id as string;
  const workspace = (await me(owner)).workspace.id;
  const group = (await owner.json("/api/hashtag-groups", { name: "Food", hashtags: ["#food"] })).body.group.id as string;
  const template = (await owner.json("/api/caption-templates", { name: "Launch", body: "New!" })).body.template.id as string;
  const hook = await owner.json("/api/webhook-endpoints", { url: "https://hooks.example.com/a", events: ["post.failed"] });
  const endpoint = hook.body.endpoint.id as string;
  const alertChannel = await owner.json("/api/alert-channels", {
    kind: "discord",
    url: "https://discord.example.com/api/webhooks/1/x",
    alerts: ["failed"],
  });
  const channel = alertChannel.body.channel.id as string;
  const ids = {
    account: accountId,
    video: videoId,
    post: body.post.id,
    invite,
    token,
    session,
    workspace,
    editor: editor.userId,
    group,
    template,
    endpoint,
    channel,
  };
  f = { owner, viewer, editor, ids, other: await signedUpClient() };
});

describe("the route table's guards", () => {
  it("names the role every non-public route needs, and documents both ways in (cookie and bearer token)", async () => {
    const { doc, ops } = await operations();
    expect(Object.keys(doc.components.securitySchemes ?? {}).sort()).toEqual(["bearerAuth", "cookieAuth"]);
    for (const { key, op } of ops) {
      if (PUBLIC.has(key)) continue;
      expect(Object.keys(RANK), `${key} declares no x-role`).toContain(op["x-role"]);
      expect(op.security, `${key} has no security requirement`).toBeDefined();
      expect(Object.keys(SCOPE), `${key} has no workspace-scope case in this file`).toContain(key);
    }
    expect(Object.keys(SCOPE).sort()).toEqual(
      ops
        .filter((o) => !PUBLIC.has(o.key))
        .map((o) => o.key)
        .sort(),
    );
    const selfService = ops.filter((o) => o.method !== "GET" && !PUBLIC.has(o.key) && RANK[o.op["x-role"]!]! <= RANK.viewer!);
    expect(selfService.map((o) => o.key).sort()).toEqual(SELF_SERVICE_WRITES);
  });

  it("answers 404 to a member of another workspace on every route that names one of its objects, and lists none of them", async () => {
    const { ops } = await operations();
    const before = await rowsOfA();
    const checked: string[] = [];
    for (const { key, method, path } of ops) {
      const scope = SCOPE[key];
      if (PUBLIC.has(key) || scope === "self" || scope === undefined) continue;
      const res = await call(f.other, method, path, key);
      if (scope === "list") {
        expect(res.status, key).toBe(200);
        const text = await res.text();
        for (const [name, id] of Object.entries(f.ids)) expect(text, `${key} shows workspace A's ${name}`).not.toContain(id);
      } else if (key === "GET /accounts/tiktok/callback") {
        // A browser redirect: the state was not issued to this session.
        expect(res.status, key).toBe(302);
        expect(res.headers.get("location"), key).toContain("connect_error=invalid_state");
      } else {
        expect(res.status, key).toBe(404);
        expect(((await res.json()) as any).error.code, key).toMatch(/not_found$/);
      }
      checked.push(key);
    }
    expect(checked.length).toBeGreaterThanOrEqual(30);
    expect(await rowsOfA()).toEqual(before);
  });

  it("answers 403 to a viewer on every route that needs more than viewing, and changes nothing", async () => {
    const { ops } = await operations();
    const before = await rowsOfA();
    const refused: string[] = [];
    for (const { key, method, path, op } of ops) {
      if (PUBLIC.has(key) || RANK[op["x-role"]!]! <= RANK.viewer!) continue;
      const res = await call(f.viewer.client, method, path, key);
      expect(res.status, key).toBe(403);
      expect(((await res.json()) as any).error.code, key).toBe("forbidden");
      refused.push(key);
    }
    expect(refused).toEqual(
      expect.arrayContaining(["POST /posts", "PATCH /posts/{id}", "DELETE /posts/{id}", "POST /videos", "DELETE /workspace"]),
    );
    expect(await rowsOfA()).toEqual(before);
  });

  it("answers 403 to an editor on admin routes and to an admin on the owner's", async () => {
    const { ops } = await operations();
    const admin = await invited(f.owner, "admin");
    for (const { key, method, path, op } of ops) {
      const need = RANK[op["x-role"] ?? "user"]!;
      if (PUBLIC.has(key) || need < RANK.admin!) continue;
      const who = need === RANK.owner ? admin.client : f.editor.client;
      const res = await call(who, method, path, key);
      expect(res.status, `${key} as ${need === RANK.owner ? "admin" : "editor"}`).toBe(403);
    }
  });

  it("lets every member read the workspace's posts, videos and accounts", async () => {
    for (const path of ["/api/posts", "/api/videos", "/api/accounts", "/api/members", "/api/health", `/api/posts/${f.ids.post}`]) {
      expect((await f.viewer.client.fetch(path)).status, path).toBe(200);
    }
  });

  it("refuses the sweep's foreign Origin before any guard (CSRF first)", async () => {
    const res = await bareFetch(`/api/posts/${f.ids.post}`, {
      method: "DELETE",
      headers: { cookie: f.viewer.client.cookie, origin: "https://evil.example" },
    });
    expect(res.status).toBe(403);
    expect(((await res.json()) as any).error.code).toBe("csrf_rejected");
    expect(ORIGIN).toMatch(/^http/);
  });
});
