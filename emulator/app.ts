// Wires every route onto one Hono app; the emulator instance is shared by all of them.
import { Hono } from "hono";
import { authorizeRoutes } from "./authorize.ts";
import { controlRoutes } from "./control.ts";
import { creatorInfoRoutes } from "./creator-info.ts";
import { Emulator } from "./emulator.ts";
import { fail, recordCalls } from "./http.ts";
import type { EmuEnv } from "./http.ts";
import { oauthRoutes } from "./oauth.ts";
import type { OptionsPatch } from "./options.ts";
import { postingRoutes } from "./posting.ts";
import { publishStatusRoutes } from "./publish-status.ts";
import { uploadRoutes } from "./upload.ts";
import { userInfoRoutes } from "./user-info.ts";

export function createEmulatorApp(options: OptionsPatch | Emulator = {}): Hono<EmuEnv> & { emulator: Emulator } {
  const emu = options instanceof Emulator ? options : new Emulator(options);
  const app = new Hono<EmuEnv>();
  app.use("*", recordCalls(emu));
  app.route("/", authorizeRoutes(emu));
  app.route("/", oauthRoutes(emu));
  app.route("/", userInfoRoutes(emu));
  app.route("/", creatorInfoRoutes(emu));
  app.route("/", postingRoutes(emu));
  app.route("/", publishStatusRoutes(emu));
  app.route("/", uploadRoutes(emu));
  app.route("/", controlRoutes(emu));
  app.onError((err, c) => {
    console.error("[tiktok-emulator]", err);
    return fail(c, 500, "internal_error", "Something went wrong. Please try again later.");
  });
  return Object.assign(app, { emulator: emu });
}
