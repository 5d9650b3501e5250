// Shared by the token and revoke endpoints: the flat OAuth error shape (tiktok-api.md §1.7).
import type { ContentfulStatusCode } from "hono/utils/http-status";
import type { Emulator } from "../core/emulator.ts";
import type { Ctx } from "../core/http.ts";
import { logId } from "../core/ids.ts";

/** Flat OAuth error (§1.7), optionally with HTTP 200 as some integrators see. */
export function oauthFail(
  emu: Emulator,
  c: Ctx,
  status: ContentfulStatusCode,
  error: string,
  description: string,
): Response {
  c.set("errCode", error);
  const httpStatus = emu.options.oauthErrorsWithHttp200 ? 200 : status;
  return c.json({ error, error_description: description, log_id: logId() }, httpStatus);
}
