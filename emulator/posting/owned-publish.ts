// Shared by status fetch and cancel: the body's publish_id resolved to a publish the caller owns.
import type { Emulator } from "../core/emulator.ts";
import type { Ctx } from "../core/http.ts";
import { fail, readJsonObject } from "../core/http.ts";
import type { Publish } from "../core/types.ts";
import { describeZodError, publishIdBody } from "./schemas.ts";

/** Resolves the body's publish_id to a publish owned by the caller, or an error Response. */
export async function ownedPublish(emu: Emulator, c: Ctx): Promise<Publish | Response> {
  const body = await readJsonObject(c);
  const parsed = publishIdBody.safeParse(body ?? {});
  if (!parsed.success) return fail(c, 400, "invalid_param", describeZodError(parsed.error));
  const p = emu.state.publishes.get(parsed.data.publish_id);
  if (!p) return fail(c, 400, "invalid_publish_id", "The publish_id does not exist.");
  if (p.openId !== c.get("openId")) {
    return fail(c, 400, "token_not_authorized_for_specified_publish_id", "The access token's user does not own this publish_id.");
  }
  return p;
}
