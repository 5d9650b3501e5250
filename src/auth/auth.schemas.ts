// The auth contract (sign up, sign in, who am I): zod schemas for requests and responses (also the OpenAPI
// description). Pure: the web app imports these types too.
import { z } from "@hono/zod-openapi";

export const Credentials = z
  .object({
    email: z
      .email()
      .max(254)
      .transform((e) => e.toLowerCase()),
    password: z.string().min(8, "Use at least 8 characters").max(200),
  })
  .openapi("Credentials");

export const Identity = z
  .object({
    user: z.object({ id: z.string(), email: z.string() }),
    workspace: z.object({ id: z.string(), name: z.string() }),
  })
  .openapi("Identity");
