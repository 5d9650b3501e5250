// The one error shape every /api route answers with (also the OpenAPI description). Pure: the web app can import it.
import { z } from "@hono/zod-openapi";

export const ErrorSchema = z
  .object({
    error: z.object({ code: z.string(), message: z.string(), details: z.unknown() }),
  })
  .openapi("Error");
