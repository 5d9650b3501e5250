// Router factory with the shared zod failure hook, and the response helpers reused across features.
import { OpenAPIHono, type z } from "@hono/zod-openapi";
import type { AppEnv } from "../env";
import { ErrorSchema } from "./error.schemas";
import { errorBody } from "./errors";

export function router() {
  return new OpenAPIHono<AppEnv>({
    defaultHook: (result, c) => {
      if (!result.success) {
        const details = result.error.issues.map((issue) => ({ path: issue.path.join("."), message: issue.message }));
        return c.json(errorBody("invalid_request", "The request is not valid", details), 400);
      }
    },
  });
}

export const errorResponses = {
  400: { description: "Invalid request", content: { "application/json": { schema: ErrorSchema } } },
  401: { description: "Not signed in", content: { "application/json": { schema: ErrorSchema } } },
  403: {
    description: "Cross-site request refused (csrf_rejected), or the caller's role does not allow it (forbidden)",
    content: { "application/json": { schema: ErrorSchema } },
  },
  404: { description: "Not found", content: { "application/json": { schema: ErrorSchema } } },
  409: { description: "Conflict with the current state", content: { "application/json": { schema: ErrorSchema } } },
  413: { description: "The request body is too large", content: { "application/json": { schema: ErrorSchema } } },
} as const;

/** For throttled routes (src/throttle): 429 with a Retry-After header. */
export const throttledResponse = {
  429: {
    description: "Too many attempts: wait Retry-After seconds",
    headers: { "Retry-After": { schema: { type: "integer" as const }, description: "Seconds to wait" } },
    content: { "application/json": { schema: ErrorSchema } },
  },
} as const;

export const json = <T extends z.ZodType>(schema: T, description = "OK") => ({
  description,
  content: { "application/json": { schema } },
});

export const jsonBody = <T extends z.ZodType>(schema: T) => ({
  required: true,
  content: { "application/json": { schema } },
});

export const iso = (ms: number | null | undefined) => (ms == null ? null : new Date(ms).toISOString());
