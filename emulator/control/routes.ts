// Control API under /__emu/ for tests and scripts: reset, config, clock, users, faults, the ledger, inbox posting,
// and what the Display API reports (stats, videos, their counts).
import { Hono } from "hono";
import type { Emulator } from "../core/emulator.ts";
import type { EmuEnv } from "../core/http.ts";
import { clockRoutes } from "./clock-routes.ts";
import { configRoutes } from "./config-routes.ts";
import { faultRoutes } from "./fault-routes.ts";
import { inboxPostRoutes } from "./inbox-post.ts";
import { recordRoutes } from "./record-routes.ts";
import { userRoutes } from "./user-routes.ts";
import { videoRoutes } from "./video-routes.ts";

export function controlRoutes(emu: Emulator): Hono<EmuEnv> {
  const app = new Hono<EmuEnv>();
  app.route("/__emu", configRoutes(emu));
  app.route("/__emu", clockRoutes(emu));
  app.route("/__emu", userRoutes(emu));
  app.route("/__emu", faultRoutes(emu));
  app.route("/__emu", recordRoutes(emu));
  app.route("/__emu", inboxPostRoutes(emu));
  app.route("/__emu", videoRoutes(emu));
  return app;
}
