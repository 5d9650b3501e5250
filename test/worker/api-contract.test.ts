// The API as a contract: the OpenAPI document describes the real routes, and route-table sweeps check that every
// route needs a session (unless public), refuses cross-site writes, and that reading never changes data.
import { describe, expect, it } from "vitest";
import { bareFetch, Client, connectAccount, databaseSnapshot, ORIGIN, postRequest, signedUpClient, uploadVideo } from "./helpers";

type Operation = { responses?: Record<string, unknown>; requestBody?: unknown };
type OpenApiDoc = {
  openapi: string;
  info: { title: string; version: string };
  servers?: { url: string }[];
  paths: Record<string, Record<string, Operation>>;
  components?: { schemas?: Record<string, unknown> };
};

const METHODS = ["get", "post", "put", "patch", "delete"] as const;
/** Routes anyone may call: signing up/in/out, liveness, TikTok's signed webhook, and TikTok's signed media links. */
const PUBLIC = new Set([
  "POST /auth/signup",
  "POST /auth/login",
  "POST /auth/logout",
  "GET /health/live",
  "POST /webhooks/tiktok",
  "GET /media/{id}",
]);
/** State changes guarded by a signature instead of the Origin check (TikTok's servers send no Origin of ours). */
const SIGNED = new Set(["POST /webhooks/tiktok"]);

async function openApi() {
  const res = await new Client().fetch("/api/openapi.json");
  expect(res.status).toBe(200);
  expect(res.headers.get("content-type")).toContain("application/json");
  return (await res.json()) as OpenApiDoc;
}

function operations(doc: OpenApiDoc) {
  return Object.entries(doc.paths).flatMap(([path, ops]) =>
    METHODS.filter((m) => ops[m]).map((method) => ({ path, method: method.toUpperCase(), op: ops[method]! })),
  );
}

/** The concrete URL of a documented path (as a client generated from the document would build it). */
function urlOf(doc: OpenApiDoc, path: string) {
  const base = (doc.servers?.[0]?.url ?? "").replace(/\/$/, "");
  return `${base}${path}`.replace(/\{[^}]+\}/g, "x1");
}

/** Every $ref in the document (to check each one resolves). */
function refs(node: unknown, out: string[] = []): string[] {
  if (Array.isArray(node)) for (const n of node) refs(n, out);
  else if (node && typeof node === "object") {
    for (const [k, v] of Object.entries(node)) {
      if (k === "$ref" && typeof v === "string") out.push(v);
      else refs(v, out);
    }
  }
  return out;
}

describe("the OpenAPI document", () => {
  it("is an OpenAPI 3.1 document describing every feature, whose references all resolve", async () => {
    const doc = await openApi();

    expect(doc.openapi).toBe("3.1.0");
    expect(doc.info).toMatchObject({ title: "Postflare API", version: "1.0.0" });
    const listed = operations(doc).map((o) => `${o.method} ${o.path}`);
    expect(listed).toEqual(
      expect.arrayContaining([
        "POST /auth/signup",
        "POST /auth/login",
        "POST /auth/logout",
        "GET /me",
        "GET /accounts",
        "GET /accounts/tiktok/connect",
        "GET /accounts/{id}/creator-info",
        "POST /videos",
        "PUT /videos/{id}/parts/{n}",
        "POST /videos/{id}/complete",
        "GET /videos/{id}/content",
        "POST /posts",
        "GET /posts",
        "GET /posts/{id}",
        "PATCH /posts/{id}",
        "DELETE /posts/{id}",
        "GET /health",
        "POST /webhooks/tiktok",
      ]),
    );
    for (const { op, method, path } of operations(doc)) {
      expect(Object.keys(op.responses ?? {}), `${method} ${path} documents no response`).not.toEqual([]);
    }
    const schemas = doc.components?.schemas ?? {};
    expect(Object.keys(schemas)).toEqual(
      expect.arrayContaining(["Error", "Post", "NewPost", "PostPatch", "Video", "Account", "CreatorInfo"]),
    );
    for (const ref of refs(doc)) {
      expect(ref).toMatch(/^#\/components\/schemas\//);
      expect(schemas, `${ref} does not resolve`).toHaveProperty([ref.split("/").at(-1)!]);
    }
  });

  it("gives paths that, resolved against its servers, are the real URLs of the API", async () => {
    // A client generated from the document calls `servers[0].url + path`; the routes live under /api.
    const doc = await openApi();
    for (const { path, method } of operations(doc)) {
      const url = urlOf(doc, path);
      const res = await bareFetch(url, { method, headers: { origin: ORIGIN } });
      const body = res.headers.get("content-type")?.includes("json") ? ((await res.json()) as any) : null;
      expect(body?.error?.message ?? "", `${method} ${path} → ${url}`).not.toMatch(/^No route for/);
    }
  });

  it("documents the errors routes really answer: 403 on every state change, 413 for an oversized thumbnail", async () => {
    const doc = await openApi();
    for (const { path, method, op } of operations(doc)) {
      if (method === "GET") continue;
      expect(Object.keys(op.responses ?? {}), `${method} ${path} can answer 403 csrf_rejected`).toContain("403");
    }
    expect(Object.keys(doc.paths["/videos/{id}/thumbnail"]!.put!.responses ?? {})).toContain("413");
  });
});

describe("the route table", () => {
  it("answers an unknown /api route with 404 in the one error shape", async () => {
    const res = await new Client().fetch("/api/definitely-not-a-route");

    expect(res.status).toBe(404);
    expect(res.headers.get("content-type")).toContain("application/json");
    expect(await res.json()).toEqual({
      error: { code: "not_found", message: "No route for GET /api/definitely-not-a-route", details: null },
    });
  });

  it("answers malformed JSON with a 400 in the one error shape, never a 500", async () => {
    const client = await signedUpClient();
    const res = await client.fetch("/api/posts", { method: "POST", headers: { "content-type": "application/json" }, body: "{not json" });

    expect(res.status).toBe(400);
    const body = (await res.json()) as any;
    expect(Object.keys(body)).toEqual(["error"]);
    expect(Object.keys(body.error).sort()).toEqual(["code", "details", "message"]);
    expect(body.error.code).toMatch(/^[a-z_]+$/);
  });

  it("requires a session on every route except the public ones", async () => {
    const doc = await openApi();
    const checked: string[] = [];
    for (const { path, method } of operations(doc)) {
      if (PUBLIC.has(`${method} ${path}`)) continue;
      const res = await bareFetch(`/api${path.replace(/\{[^}]+\}/g, "x1")}`, {
        method,
        headers: { origin: ORIGIN, "content-type": "application/json" },
        body: method === "GET" ? undefined : "{}",
      });
      expect(res.status, `${method} ${path}`).toBe(401);
      expect(((await res.json()) as any).error.code, `${method} ${path}`).toBe("unauthenticated");
      checked.push(`${method} ${path}`);
    }
    expect(checked.length).toBeGreaterThanOrEqual(12);
  });

  it("refuses every state-changing route from a foreign origin, even with a valid session, and changes nothing", async () => {
    const client = await signedUpClient();
    const { accountId } = await connectAccount(client);
    const { videoId } = await uploadVideo(client);
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0]);
    expect((await client.fetch(`/api/videos/${videoId}/thumbnail`, { method: "PUT", body: png })).status).toBe(200);
    const { body } = await postRequest(client, { accountId, videoId });
    const doc = await openApi();
    const before = await databaseSnapshot();

    const refused: string[] = [];
    for (const { path, method } of operations(doc)) {
      if (method === "GET" || SIGNED.has(`${method} ${path}`)) continue;
      const concrete = path
        .replace("/videos/{id}", `/videos/${videoId}`)
        .replace("/posts/{id}", `/posts/${body.post.id}`)
        .replace("{n}", "1");
      for (const contentType of ["application/json", "text/plain", "application/x-www-form-urlencoded"]) {
        const res = await bareFetch(`/api${concrete}`, {
          method,
          headers: { cookie: client.cookie, origin: "https://evil.example", "content-type": contentType },
          body: contentType === "application/json" ? JSON.stringify({ caption: "pwned" }) : "caption=pwned",
        });
        expect(res.status, `${method} ${path} (${contentType})`).toBe(403);
        expect(((await res.json()) as any).error.code).toBe("csrf_rejected");
      }
      refused.push(`${method} ${path}`);
    }

    expect(refused).toEqual(
      expect.arrayContaining(["POST /posts", "PATCH /posts/{id}", "DELETE /posts/{id}", "POST /videos", "POST /auth/logout"]),
    );
    expect(await databaseSnapshot()).toEqual(before);
  });

  it("never changes data on a GET, starting an OAuth connect included (its state is signed, not stored)", async () => {
    const client = await signedUpClient();
    const { accountId } = await connectAccount(client);
    const { videoId } = await uploadVideo(client);
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0]);
    expect((await client.fetch(`/api/videos/${videoId}/thumbnail`, { method: "PUT", body: png })).status).toBe(200);
    const { body } = await postRequest(client, { accountId, videoId });
    const hook = await client.json("/api/webhook-endpoints", { url: "https://hooks.example.com/a", events: ["post.failed"] });
    const doc = await openApi();
    const before = await databaseSnapshot();

    for (const { path, method } of operations(doc)) {
      // /live is a WebSocket upgrade (a plain GET is answered 426), tested in live.test.ts.
      if (method !== "GET" || path === "/accounts/tiktok/callback" || path.startsWith("/media/") || path === "/live") continue;
      const concrete = path
        .replace("/webhook-endpoints/{id}", `/webhook-endpoints/${hook.body.endpoint.id}`)
        .replace("/accounts/{id}", `/accounts/${accountId}`)
        .replace("/videos/{id}", `/videos/${videoId}`)
        .replace("/posts/{id}", `/posts/${body.post.id}`);
      const res = await client.fetch(`/api${concrete}`);
      // Images the sync copies (avatar, cover) do not exist yet for a fresh account and post: 404, still nothing changed.
      const image = /\/(avatar|cover)$/.test(path);
      expect(res.status, `GET ${path}`).toBe(path === "/accounts/tiktok/connect" ? 302 : image ? 404 : 200);
      await res.arrayBuffer();
    }

    expect(await databaseSnapshot()).toEqual(before);
  });
});
