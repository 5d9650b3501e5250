// The one error type of the API: a stable code, a human message and optional details.
import type { ContentfulStatusCode } from "hono/utils/http-status";

export class AppError extends Error {
  readonly status: ContentfulStatusCode;
  readonly code: string;
  readonly details: unknown;
  /** Extra response headers (e.g. Retry-After on a 429). */
  readonly headers: Record<string, string>;

  constructor(status: ContentfulStatusCode, code: string, message: string, details?: unknown, headers: Record<string, string> = {}) {
    super(message);
    this.status = status;
    this.code = code;
    this.details = details ?? null;
    this.headers = headers;
  }
}

export const notFound = (what: string) => new AppError(404, "not_found", `${what} not found`);

export function errorBody(code: string, message: string, details: unknown = null) {
  return { error: { code, message, details } };
}
