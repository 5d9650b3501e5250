// The MCP server's tools, one server per request (stateless): each tool validates its input with the REST API's own
// zod schemas, calls the same services, and is limited by the caller's role (an API token's, capped as it was made).
import { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import type { CallToolResult } from "@modelcontextprotocol/sdk/types.js";
import { CfWorkerJsonSchemaValidator } from "@modelcontextprotocol/sdk/validation/cfworker";
import { accountView, findAccount, listAccounts } from "../accounts/accounts.repo";
import { atLeast } from "../auth/roles";
import type { Session } from "../env";
import { createPostOnce } from "../posts/idempotency";
import { postView } from "../posts/post-view";
import { findPost, listEvents, listPosts } from "../posts/posts.repo";
import { NewPost, PostId, PostPatch } from "../posts/posts.schemas";
import { type Actor, cancelPost, type PostsDeps, updatePost } from "../posts/posts.service";
import { AppError } from "../shared/errors";
import { followerChanges, postStatsOf, workspacePostStats } from "../sync/sync-read.repo";
import { videoView } from "../videos/video-view";
import { listVideos } from "../videos/videos.repo";

export type ToolContext = {
  deps: PostsDeps;
  session: Session;
  now: number;
  audit: (action: string, target: string, data?: unknown) => Promise<void>;
};

const result = (value: unknown): CallToolResult => ({
  content: [{ type: "text", text: JSON.stringify(value) }],
  structuredContent: value as Record<string, unknown>,
});

/** An AppError is the tool's answer (the agent reads it and adjusts); anything else is a server error. */
async function answer(run: () => Promise<unknown>): Promise<CallToolResult> {
  try {
    return result(await run());
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    const body = { error: { code: error.code, message: error.message, details: error.details ?? null } };
    return { isError: true, content: [{ type: "text", text: JSON.stringify(body) }] };
  }
}

function mayEdit(session: Session) {
  if (!atLeast(session.role, "editor"))
    throw new AppError(403, "forbidden", `This needs the editor role or higher in this workspace (you are ${session.role})`);
}

const readOnly = { readOnlyHint: true, openWorldHint: false };

export function mcpServer(ctx: ToolContext) {
  const { deps, session, now } = ctx;
  const { db } = deps;
  const ws = session.workspaceId;
  const actor: Actor = { workspaceId: ws, userId: session.userId, role: session.role };
  const server = new McpServer({ name: "postflare", version: "1.0.0" }, { jsonSchemaValidator: new CfWorkerJsonSchemaValidator() });

  server.registerTool("list_accounts", { description: "The workspace's connected TikTok accounts", annotations: readOnly }, () =>
    answer(async () => {
      const [rows, changes] = await Promise.all([listAccounts(db, ws), followerChanges(db, ws, now)]);
      return { accounts: rows.map((row) => accountView(row, changes.get(row.id))) };
    }),
  );
  server.registerTool("list_videos", { description: "The workspace's media library", annotations: readOnly }, () =>
    answer(async () => ({ videos: (await listVideos(db, ws)).map((v) => videoView(v)) })),
  );
  server.registerTool("list_posts", { description: "The workspace's posts, latest scheduled time first", annotations: readOnly }, () =>
    answer(async () => {
      const [rows, stats] = await Promise.all([listPosts(db, ws), workspacePostStats(db, ws)]);
      return { posts: rows.map((r) => postView(r.post, { username: r.username }, stats.get(r.post.id))) };
    }),
  );
  server.registerTool("get_post", { description: "One post with its timeline", inputSchema: PostId, annotations: readOnly }, ({ id }) =>
    answer(async () => {
      const post = await findPost(db, ws, id);
      if (!post) throw new AppError(404, "not_found", "Post not found");
      const [account, stats] = await Promise.all([findAccount(db, ws, post.accountId), postStatsOf(db, post.id)]);
      return { post: postView(post, account, stats), events: await listEvents(db, post.id) };
    }),
  );
  registerWrites(server, ctx, actor);
  return server;
}

function registerWrites(server: McpServer, ctx: ToolContext, actor: Actor) {
  const { deps, session, now } = ctx;
  server.registerTool(
    "schedule_post",
    {
      description:
        "Schedule a post (same body and rules as POST /api/posts: privacy must be one the account offers, the daily cap, audit and disclosure settings). Call list_accounts and list_videos first.",
      inputSchema: NewPost,
    },
    (input) =>
      answer(async () => {
        mayEdit(session);
        const created = await createPostOnce(deps, actor, input, undefined, now);
        await ctx.audit("post.schedule", created.post.id, { status: created.post.status, via: "mcp" });
        return { post: postView(created.post), warnings: created.warnings };
      }),
  );
  server.registerTool(
    "reschedule_post",
    {
      description: "Change a post: time, caption, settings (same rules as PATCH /api/posts/{id})",
      inputSchema: PostId.extend(PostPatch.shape).strict(),
    },
    ({ id, ...patch }) =>
      answer(async () => {
        mayEdit(session);
        const { post, warnings } = await updatePost(deps, actor, id, patch, now);
        await ctx.audit("post.edit", post.id, { fields: Object.keys(patch), status: post.status, via: "mcp" });
        return { post: postView(post), warnings };
      }),
  );
  server.registerTool(
    "cancel_post",
    { description: "Cancel a post that has not been sent to TikTok", inputSchema: PostId, annotations: { destructiveHint: true } },
    ({ id }) =>
      answer(async () => {
        mayEdit(session);
        const post = await cancelPost(deps, actor, id, now);
        await ctx.audit("post.cancel", post.id, { via: "mcp" });
        return { post: postView(post) };
      }),
  );
}
