// /__emu/clock: pin the emulator's clock (token lifetimes, rate-limit windows, upload expiry, ledger times) to a
// given instant, so a test that drives the Worker's time can drive TikTok's with it; `null` returns to real time.
import { Hono } from "hono";
import { z } from "zod";
import type { Emulator } from "../core/emulator.ts";
import type { EmuEnv } from "../core/http.ts";
import { parseBody } from "./parse-body.ts";

const clockBody = z.object({ now: z.number().int().positive().nullable() }).strict();

export function clockRoutes(emu: Emulator): Hono<EmuEnv> {
  const app = new Hono<EmuEnv>();
  app.get("/clock", (c) => c.json({ now: emu.now(), pinned: emu.pinnedAt !== null }));
  app.put("/clock", async (c) => {
    const r = await parseBody(c.req.raw, clockBody);
    if (!r.ok) return c.json({ error: r.error }, 400);
    emu.pinClock(r.data.now);
    return c.json({ now: emu.now(), pinned: emu.pinnedAt !== null });
  });
  return app;
}
