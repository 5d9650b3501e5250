// Wires every route onto one Hono app; the emulator instance is shared by all of them.
import { Hono } from "hono";
import { controlRoutes } from "./control/routes.ts";
import { apiLatency } from "./core/api-latency.ts";
import { Emulator } from "./core/emulator.ts";
import type { EmuEnv } from "./core/http.ts";
import { fail } from "./core/http.ts";
import type { OptionsPatch } from "./core/options.ts";
import { recordCalls } from "./core/record-calls.ts";
import { cdnRoutes } from "./display/cdn.ts";
import { videoListRoutes } from "./display/video-list.ts";
import { videoQueryRoutes } from "./display/video-query.ts";
import { authorizeRoutes } from "./oauth/authorize.ts";
import { revokeRoutes } from "./oauth/revoke.ts";
import { tokenRoutes } from "./oauth/token.ts";
import { cancelRoutes } from "./posting/cancel.ts";
import { creatorInfoRoutes } from "./posting/creator-info.ts";
import { statusFetchRoutes } from "./posting/status-fetch.ts";
import { videoInitRoutes } from "./posting/video-init.ts";
import { uploadRoutes } from "./uploads/chunk-put.ts";
import { userInfoRoutes } from "./users/user-info.ts";

export function createEmulatorApp(options: OptionsPatch | Emulator = {}): Hono<EmuEnv> & { emulator: Emulator } {
  const emu = options instanceof Emulator ? options : new Emulator(options);
  const app = new Hono<EmuEnv>();
  app.use("*", apiLatency(emu));
  app.use("*", recordCalls(emu));
  app.route("/", authorizeRoutes(emu));
  app.route("/", tokenRoutes(emu));
  app.route("/", revokeRoutes(emu));
  app.route("/", userInfoRoutes(emu));
  app.route("/", videoListRoutes(emu));
  app.route("/", videoQueryRoutes(emu));
  app.route("/", cdnRoutes(emu));
  app.route("/", creatorInfoRoutes(emu));
  app.route("/", videoInitRoutes(emu));
  app.route("/", statusFetchRoutes(emu));
  app.route("/", cancelRoutes(emu));
  app.route("/", uploadRoutes(emu));
  app.route("/", controlRoutes(emu));
  app.onError((err, c) => {
    console.error("[tiktok-emulator]", err);
    return fail(c, 500, "internal_error", "Something went wrong. Please try again later.");
  });
  return Object.assign(app, { emulator: emu });
}
