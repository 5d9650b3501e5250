// GET /__emu/record[?openId=]: the ledger tests assert on.
import { Hono } from "hono";
import type { Emulator } from "../core/emulator.ts";
import type { EmuEnv } from "../core/http.ts";
import { recordView } from "./record-view.ts";

export function recordRoutes(emu: Emulator): Hono<EmuEnv> {
  const app = new Hono<EmuEnv>();

  app.get("/record", (c) => c.json(recordView(emu, c.req.query("openId"))));

  return app;
}
