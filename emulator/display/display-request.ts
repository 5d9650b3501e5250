// What video/list and video/query share: bearer + faults + the app-wide 600/min window + scope video.list, the
// required `fields` query, and a JSON body (empty = {}) checked against a zod schema (tiktok-api.md §2.1).
import type { MiddlewareHandler } from "hono";
import { every } from "hono/combine";
import type { z } from "zod";
import type { Emulator } from "../core/emulator.ts";
import { faultsMiddleware } from "../core/faults.ts";
import type { Ctx, EmuEnv } from "../core/http.ts";
import { fail } from "../core/http.ts";
import type { RateLimits } from "../core/options.ts";
import { readRateLimit } from "../core/rate-limit.ts";
import { bearer, requireScope } from "../oauth/bearer-auth.ts";
import { parseFields, type VideoField } from "./videos.ts";

export function displayGuards(emu: Emulator, name: string, limit: keyof RateLimits): MiddlewareHandler<EmuEnv> {
  return every(bearer(emu), faultsMiddleware(emu), readRateLimit(emu, name, limit), requireScope("video.list"));
}

export type DisplayRequest<T> = { fields: VideoField[]; body: T };

/** The parsed request, or the 400 invalid_params answer to send. */
export async function displayRequest<T extends z.ZodType>(c: Ctx, schema: T): Promise<DisplayRequest<z.infer<T>> | Response> {
  const fields = parseFields(c.req.query("fields"));
  if (typeof fields === "string") return fail(c, 400, "invalid_params", fields);
  const type = c.req.header("content-type") ?? "";
  const text = await c.req.text();
  if (text.trim() !== "" && !type.toLowerCase().startsWith("application/json")) {
    return fail(c, 400, "invalid_params", "The request body must be JSON (Content-Type: application/json).");
  }
  let raw: unknown = {};
  try {
    raw = text.trim() === "" ? {} : JSON.parse(text);
  } catch {
    return fail(c, 400, "invalid_params", "The request body is not valid JSON.");
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    return fail(c, 400, "invalid_params", parsed.error.issues.map((i) => `${i.path.join(".") || "body"}: ${i.message}`).join("; "));
  }
  return { fields, body: parsed.data };
}
