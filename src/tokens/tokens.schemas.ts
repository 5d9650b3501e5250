// The API tokens contract: create (the token is shown once), list, revoke. Pure: the web app imports these types.
import { z } from "@hono/zod-openapi";
import { ROLES } from "../auth/roles";
import { idString, singleLine } from "../shared/text.schemas";

export const NewToken = z
  .object({
    name: singleLine(100, "The name"),
    /** Caps what the token may do (at most your own role); by default it acts with your role. */
    role: z.enum(ROLES).optional(),
  })
  .strict()
  .openapi("NewToken");

export const ApiToken = z
  .object({
    id: z.string(),
    name: z.string(),
    role: z.enum(ROLES).nullable().openapi({ description: "The role limit, or null for the creator's role" }),
    createdAt: z.string(),
    lastUsedAt: z.string().nullable(),
  })
  .openapi("ApiToken");

export const CreatedToken = z
  .object({
    token: z.string().openapi({ description: "Shown once: send it as `Authorization: Bearer <token>`" }),
    apiToken: ApiToken,
  })
  .openapi("CreatedToken");

export const TokenList = z.object({ tokens: z.array(ApiToken) });
export const TokenId = z.object({ id: idString("token id") });
