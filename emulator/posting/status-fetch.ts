// POST /v2/post/publish/status/fetch/ (tiktok-api.md §3.7): status, fail_reason, bytes, and public post ids as int64.
import { Hono } from "hono";
import type { Emulator } from "../core/emulator.ts";
import { faultsMiddleware } from "../core/faults.ts";
import type { EmuEnv } from "../core/http.ts";
import { ok } from "../core/http.ts";
import { rateLimit } from "../core/rate-limit.ts";
import type { Publish } from "../core/types.ts";
import { bearer, requireScope } from "../oauth/bearer-auth.ts";
import { ownedPublish } from "./owned-publish.ts";

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
  const ids = emu.options.postIdFormat === "string" ? JSON.stringify(p.publicPostIds) : `[${p.publicPostIds.join(",")}]`;
  return JSON.stringify(data).replace('"__POST_IDS__"', ids);
}

export function statusFetchRoutes(emu: Emulator): Hono<EmuEnv> {
  const app = new Hono<EmuEnv>();
  app.post(
    "/v2/post/publish/status/fetch/",
    bearer(emu),
    faultsMiddleware(emu),
    rateLimit(emu, "status_fetch", "statusFetch"),
    requireScope("video.publish", "video.upload"),
    async (c) => {
      const p = await ownedPublish(emu, c);
      if (p instanceof Response) return p;
      return ok(c, null, statusJson(emu, p));
    },
  );
  return app;
}
