// Response shapes (data envelope, envelope error), JSON body parsing, and the Hono env type shared by all routes.
import type { HttpBindings } from "@hono/node-server";
import type { Context } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { logId } from "./ids.ts";
import type { AccessToken } from "./types.ts";

export type EmuEnv = {
  Bindings: Partial<HttpBindings>;
  Variables: { openId: string | null; errCode: string | null; token: AccessToken | null };
};
export type Ctx = Context<EmuEnv>;

const JSON_TYPE = "application/json; charset=UTF-8";

/** `{data, error:{code:"ok"}}` envelope (tiktok-api.md §3). `rawJson` lets int64 literals through unquoted. */
export function ok(c: Ctx, data: unknown, rawJson?: string): Response {
  c.set("errCode", "ok");
  const dataJson = rawJson ?? JSON.stringify(data);
  const body = `{"data":${dataJson},"error":${JSON.stringify({ code: "ok", message: "", log_id: logId() })}}`;
  return c.body(body, 200, { "Content-Type": JSON_TYPE });
}

/** Envelope error; HTTP 200 is legal here (creator_info "cannot post" states, §3.1). */
export function fail(c: Ctx, status: ContentfulStatusCode, code: string, message: string): Response {
  c.set("errCode", code);
  const body = JSON.stringify({ data: {}, error: { code, message, log_id: logId() } });
  return c.body(body, status, { "Content-Type": JSON_TYPE });
}

/** Parses a JSON object body; null when the body is not a JSON object. */
export async function readJsonObject(c: Ctx): Promise<Record<string, unknown> | null> {
  const type = c.req.header("content-type") ?? "";
  if (!type.toLowerCase().startsWith("application/json")) return null;
  try {
    const v: unknown = JSON.parse(await c.req.text());
    return v && typeof v === "object" && !Array.isArray(v) ? (v as Record<string, unknown>) : null;
  } catch {
    return null; // malformed JSON is reported to the client as invalid_param by the caller
  }
}
