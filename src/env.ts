// The Hono context type shared by every router (bindings come from `wrangler types` + src/secrets.d.ts).
import type { OpenAPIHono } from "@hono/zod-openapi";
import type { Database } from "./db/client";

export type Session = { userId: string; workspaceId: string; email: string };

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
