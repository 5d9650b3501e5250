// The Hono context type shared by every router (bindings come from `wrangler types` + src/secrets.d.ts).
import type { OpenAPIHono } from "@hono/zod-openapi";

export type Session = { userId: string; workspaceId: string; email: string };

export type AppEnv = {
  Bindings: Env;
  Variables: { session: Session; now: number };
};

export type AppRouter = OpenAPIHono<AppEnv>;
