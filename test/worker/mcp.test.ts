// The MCP endpoint (issue 14): a client from the official SDK lists the tools, schedules a post that GET /api/posts
// then shows, reschedules and cancels it, with every REST rule enforced; a viewer's token cannot schedule; a browser
// session cannot call it.
import { Client as McpClient } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import { CfWorkerJsonSchemaValidator } from "@modelcontextprotocol/sdk/validation/cfworker";
import { afterEach, describe, expect, it } from "vitest";
import { connectAccount, ORIGIN, rows, signedUpClient, uploadVideo } from "./helpers";
import { apiToken, invited, tokenClient } from "./team-helpers";
import { type World, world } from "./world";

let w: World;
afterEach(() => w?.release());

async function agent(token: string) {
  const transport = new StreamableHTTPClientTransport(new URL(`${ORIGIN}/api/mcp`), {
    requestInit: { headers: { authorization: `Bearer ${token}` } },
    fetch: (url, init) => w.fetcher(new Request(url, init)),
  });
  const client = new McpClient({ name: "test-agent", version: "1.0.0" }, { jsonSchemaValidator: new CfWorkerJsonSchemaValidator() });
  await client.connect(transport);
  return client;
}

type ToolAnswer = { isError?: boolean; structuredContent?: any; content: { type: string; text: string }[] };
const call = async (client: McpClient, name: string, args: Record<string, unknown> = {}) =>
  (await client.callTool({ name, arguments: args })) as ToolAnswer;
const errorOf = (answer: ToolAnswer) => JSON.parse(answer.content[0]!.text).error as { code: string; message: string };

async function setup() {
  w = await world();
  const owner = await signedUpClient(w.fetcher);
  const { accountId } = await connectAccount(owner);
  const { videoId } = await uploadVideo(owner);
  return { owner, accountId, videoId };
}

describe("the MCP endpoint", () => {
  it("lists its tools and schedules, reschedules and cancels a post that the REST API then shows", async () => {
    const { owner, accountId, videoId } = await setup();
    const mcp = await agent((await apiToken(owner)).token);
    const { tools } = await mcp.listTools();
    expect(tools.map((t) => t.name).sort()).toEqual([
      "cancel_post",
      "get_post",
      "list_accounts",
      "list_posts",
      "list_videos",
      "reschedule_post",
      "schedule_post",
    ]);
    const schedule = tools.find((t) => t.name === "schedule_post")!;
    expect(schedule.inputSchema.required).toEqual(expect.arrayContaining(["accountId", "videoId", "scheduledAt", "timezone"]));

    expect((await call(mcp, "list_accounts")).structuredContent.accounts.map((a: { id: string }) => a.id)).toEqual([accountId]);
    expect((await call(mcp, "list_videos")).structuredContent.videos.map((v: { id: string }) => v.id)).toEqual([videoId]);
    const at = w.at(3600_000);
    const scheduled = await call(mcp, "schedule_post", {
      accountId,
      videoId,
      caption: "planned by an agent",
      privacyLevel: "SELF_ONLY",
      scheduledAt: at,
      timezone: "Europe/Paris",
    });
    expect(scheduled.isError).toBeFalsy();
    const post = scheduled.structuredContent.post;
    expect(post).toMatchObject({ status: "scheduled", caption: "planned by an agent", scheduledAt: at });
    const listed = (await owner.json("/api/posts")).body.posts;
    expect(listed.map((p: { id: string; caption: string }) => [p.id, p.caption])).toEqual([[post.id, "planned by an agent"]]);
    expect((await call(mcp, "get_post", { id: post.id })).structuredContent.post).toEqual(
      (await owner.json(`/api/posts/${post.id}`)).body.post,
    );

    const later = w.at(7200_000);
    const moved = await call(mcp, "reschedule_post", { id: post.id, scheduledAt: later, caption: "moved" });
    expect(moved.structuredContent.post).toMatchObject({ scheduledAt: later, caption: "moved", version: 2 });
    const cancelled = await call(mcp, "cancel_post", { id: post.id });
    expect(cancelled.structuredContent.post.status).toBe("cancelled");
    expect((await owner.json(`/api/posts/${post.id}`)).body.post.status).toBe("cancelled");
    const actions = await rows<{ action: string }>("SELECT action FROM audit_events WHERE target = ? ORDER BY id", post.id);
    expect(actions.map((a) => a.action)).toEqual(["post.schedule", "post.edit", "post.cancel"]);
  });

  it("enforces the REST API's rules: the same schema, the same service checks, the same error", async () => {
    const { owner, accountId, videoId } = await setup();
    const mcp = await agent((await apiToken(owner)).token);
    const base = { accountId, videoId, privacyLevel: "SELF_ONLY", scheduledAt: w.at(3600_000), timezone: "UTC" };
    const unknownField = await call(mcp, "schedule_post", { ...base, status: "published" });
    expect(unknownField.isError).toBe(true);
    const badZone = await call(mcp, "schedule_post", { ...base, timezone: "Mars/Olympus" });
    expect(badZone.isError).toBe(true);
    const past = await call(mcp, "schedule_post", { ...base, scheduledAt: new Date(w.now() - 3600_000).toISOString() });
    const rest = await owner.json("/api/posts", { ...base, scheduledAt: new Date(w.now() - 3600_000).toISOString() });
    expect(rest.status).toBeGreaterThanOrEqual(400);
    expect(errorOf(past)).toEqual(rest.body.error);
    expect((await owner.json("/api/posts")).body.posts).toEqual([]);
  });

  it("lets a viewer's token read but not schedule, and refuses a browser session", async () => {
    const { owner, accountId, videoId } = await setup();
    const viewer = await invited(owner, "viewer", w.fetcher);
    const viewerToken = (await apiToken(viewer.client)).token;
    const mcp = await agent(viewerToken);
    expect((await call(mcp, "list_posts")).structuredContent.posts).toEqual([]);
    const refused = await call(mcp, "schedule_post", {
      accountId,
      videoId,
      privacyLevel: "SELF_ONLY",
      scheduledAt: w.at(3600_000),
      timezone: "UTC",
    });
    expect(refused.isError).toBe(true);
    expect(errorOf(refused).code).toBe("forbidden");
    expect((await owner.json("/api/posts")).body.posts).toEqual([]);
    // An owner's token capped to viewer is a viewer too.
    const capped = await agent((await apiToken(owner, { role: "viewer" })).token);
    expect(errorOf(await call(capped, "cancel_post", { id: "post_x" })).code).toBe("forbidden");

    const session = await owner.fetch("/api/mcp", {
      method: "POST",
      headers: { authorization: "", "content-type": "application/json", accept: "application/json, text/event-stream" },
      body: JSON.stringify({ jsonrpc: "2.0", id: 1, method: "tools/list" }),
    });
    expect(session.status).toBe(403);
    expect(((await session.json()) as any).error.code).toBe("token_required");
    const anonymous = await tokenClient("pf_not_a_token", w.fetcher).fetch("/api/mcp", { method: "POST", body: "{}" });
    expect(anonymous.status).toBe(401);
    // Stateless: no event stream to open, no session to end.
    const stream = await tokenClient(viewerToken, w.fetcher).fetch("/api/mcp", { headers: { accept: "text/event-stream" } });
    expect(stream.status).toBe(405);
    expect(stream.headers.get("allow")).toBe("POST");
  });
});
