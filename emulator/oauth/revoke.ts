// POST /v2/oauth/revoke/: revokes every token of the given token's user and answers `{}`.
import { Hono } from "hono";
import type { Emulator } from "../core/emulator.ts";
import type { EmuEnv } from "../core/http.ts";
import { oauthFail, prelude } from "./client-request.ts";
import { revokeUser } from "./token-grants.ts";

export function revokeRoutes(emu: Emulator): Hono<EmuEnv> {
  const app = new Hono<EmuEnv>();

  app.post("/v2/oauth/revoke/", async (c) => {
    const form = await prelude(emu, c);
    if (form instanceof Response) return form;
    if (!form.token) return oauthFail(emu, c, 400, "invalid_request", "Missing token.");
    const token = emu.state.accessTokens.get(form.token);
    if (token) {
      c.set("openId", token.openId);
      revokeUser(emu, token.openId);
    }
    return c.json({});
  });

  return app;
}
