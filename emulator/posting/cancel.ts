// POST /v2/post/publish/cancel/ (tiktok-api.md §3.8): stops a running PULL_FROM_URL download (later FAILED publish_cancelled).
import { Hono } from "hono";
import type { Emulator } from "../core/emulator.ts";
import { faultsMiddleware } from "../core/faults.ts";
import type { EmuEnv } from "../core/http.ts";
import { fail, ok } from "../core/http.ts";
import { bearer, requireScope } from "../oauth/bearer-auth.ts";
import { markFailed } from "./lifecycle.ts";
import { ownedPublish } from "./owned-publish.ts";

export function cancelRoutes(emu: Emulator): Hono<EmuEnv> {
  const app = new Hono<EmuEnv>();
  const scopes = requireScope("video.publish", "video.upload");
  app.post("/v2/post/publish/cancel/", bearer(emu), faultsMiddleware(emu), scopes, async (c) => {
    const p = await ownedPublish(emu, c);
    if (p instanceof Response) return p;
    // Best effort, only while a PULL_FROM_URL download is still running.
    if (!p.pull?.running || p.status !== "PROCESSING_DOWNLOAD") {
      return fail(c, 400, "publish_not_cancellable", "The publish is not a running PULL_FROM_URL download.");
    }
    p.pull.cancelled = true;
    p.pull.abort.abort();
    emu.state.schedule(() => markFailed(emu, p, "publish_cancelled"), Math.min(200, emu.options.processingDelayMs));
    return ok(c, {});
  });
  return app;
}
