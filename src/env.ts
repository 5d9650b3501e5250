// The Hono context type shared by every router (bindings come from `wrangler types` + src/secrets.d.ts).
import type { OpenAPIHono } from "@hono/zod-openapi";
import type { Role } from "./auth/roles";
import type { Database } from "./db/client";

/**
 * Who is calling, resolved once per request by src/auth/principal.ts: a person through their session cookie, or a
 * script through an API token (`Authorization: Bearer`), acting in one workspace with one role.
 */
export type Session = {
  userId: string;
  workspaceId: string;
  email: string;
  role: Role;
  via: "session" | "token";
  /** The session's public id (via "session"), else null. */
  sessionId: string | null;
  /** The API token's id (via "token"), else null. */
  tokenId: string | null;
};

export type AppEnv = {
  Bindings: Env;
  Variables: {
    session: Session;
    /** This request's time (read once from the app's clock), so every check in a request agrees. */
    now: number;
    /** This request's database handle. */
    db: Database;
  };
};

export type AppRouter = OpenAPIHono<AppEnv>;
