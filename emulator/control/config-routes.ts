// /__emu/reset (clear state, keep options) and /__emu/config (GET current options, PATCH deep-merge).
import { Hono } from "hono";
import type { Emulator } from "../core/emulator.ts";
import type { EmuEnv } from "../core/http.ts";
import { parseBody } from "./parse-body.ts";
import { configPatch } from "./schemas.ts";

export function configRoutes(emu: Emulator): Hono<EmuEnv> {
  const app = new Hono<EmuEnv>();

  app.post("/reset", (c) => {
    emu.reset();
    return c.json({ ok: true });
  });

  app.get("/config", (c) => c.json(emu.options));
  app.patch("/config", async (c) => {
    const r = await parseBody(c.req.raw, configPatch);
    if (!r.ok) return c.json({ error: r.error }, 400);
    emu.configure(r.data);
    return c.json(emu.options);
  });

  return app;
}
