// POST /v2/post/publish/status/fetch/ and /v2/post/publish/cancel/ (tiktok-api.md §3.7, §3.8).
import { Hono } from "hono";
import { bearer, requireScope } from "../oauth/bearer-auth.ts";
import type { Emulator } from "../core/emulator.ts";
import { faultsMiddleware } from "../core/faults.ts";
import { fail, ok, readJsonObject } from "../core/http.ts";
import type { Ctx, EmuEnv } from "../core/http.ts";
import { markFailed } from "./lifecycle.ts";
import { describeZodError, publishIdBody } from "./schemas.ts";
import { rateLimit } from "../core/rate-limit.ts";
import type { Publish } from "../core/types.ts";

/** Resolves the body's publish_id to a publish owned by the caller, or an error Response. */
async function ownedPublish(emu: Emulator, c: Ctx): Promise<Publish | Response> {
  const body = await readJsonObject(c);
  const parsed = publishIdBody.safeParse(body ?? {});
  if (!parsed.success) return fail(c, 400, "invalid_param", describeZodError(parsed.error));
  const p = emu.state.publishes.get(parsed.data.publish_id);
  if (!p) return fail(c, 400, "invalid_publish_id", "The publish_id does not exist.");
  if (p.openId !== c.get("openId")) {
    return fail(c, 400, "token_not_authorized_for_specified_publish_id", "The access token's user does not own this publish_id.");
  }
  return p;
}

/**
 * `publicaly_available_post_id` (sic) is a list of int64. By default the ids are written as bare
 * 19-digit JSON numbers exactly like TikTok, so a client using plain JSON.parse loses precision.
 */
function statusJson(emu: Emulator, p: Publish): string {
  const data: Record<string, unknown> = { status: p.status };
  if (p.status === "FAILED") data.fail_reason = p.failReason;
  data.publicaly_available_post_id = "__POST_IDS__";
  if (p.source === "FILE_UPLOAD") data.uploaded_bytes = p.uploadedBytes;
  else data.downloaded_bytes = p.downloadedBytes;
  const ids =
    emu.options.postIdFormat === "string" ? JSON.stringify(p.publicPostIds) : `[${p.publicPostIds.join(",")}]`;
  return JSON.stringify(data).replace('"__POST_IDS__"', ids);
}

export function publishStatusRoutes(emu: Emulator): Hono<EmuEnv> {
  const app = new Hono<EmuEnv>();
  const publishScopes = requireScope("video.publish", "video.upload");

  app.post("/v2/post/publish/status/fetch/", bearer(emu), faultsMiddleware(emu),
    rateLimit(emu, "status_fetch", "statusFetch"), publishScopes, async (c) => {
      const p = await ownedPublish(emu, c);
      if (p instanceof Response) return p;
      return ok(c, null, statusJson(emu, p));
    });

  app.post("/v2/post/publish/cancel/", bearer(emu), faultsMiddleware(emu), publishScopes, async (c) => {
    const p = await ownedPublish(emu, c);
    if (p instanceof Response) return p;
    // Best effort, only while a PULL_FROM_URL download is still running.
    if (!p.pull || !p.pull.running || p.status !== "PROCESSING_DOWNLOAD") {
      return fail(c, 400, "publish_not_cancellable", "The publish is not a running PULL_FROM_URL download.");
    }
    p.pull.cancelled = true;
    p.pull.abort.abort();
    emu.state.schedule(() => markFailed(emu, p, "publish_cancelled"), Math.min(200, emu.options.processingDelayMs));
    return ok(c, {});
  });

  return app;
}
