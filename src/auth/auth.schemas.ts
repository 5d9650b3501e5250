// The auth contract (sign up, sign in, who am I, sessions, password): zod schemas for requests and responses (also
// the OpenAPI description). Pure: the web app imports these types too.
import { z } from "@hono/zod-openapi";
import { ROLES } from "./roles";

const email = z
  .email()
  .max(254)
  .transform((e) => e.toLowerCase());
// At least 10 characters (and, checked by the server, not a common password); long passphrases are welcome.
const password = z
  .string()
  .min(10, "Use at least 10 characters")
  .max(200, "Use at most 200 characters")
  .refine((p) => !/[\p{Cc}]/u.test(p), "Passwords cannot contain control characters");

export const Credentials = z.object({ email, password }).strict().openapi("Credentials");

export const Identity = z
  .object({
    user: z.object({ id: z.string(), email: z.string() }),
    workspace: z.object({ id: z.string(), name: z.string(), role: z.enum(ROLES), requireApproval: z.boolean() }),
  })
  .openapi("Identity");

export const SessionInfo = z
  .object({
    id: z.string(),
    createdAt: z.string(),
    lastSeenAt: z.string(),
    expiresAt: z.string(),
    userAgent: z.string().nullable(),
    current: z.boolean(),
  })
  .openapi("SessionInfo");

export const SessionList = z.object({ sessions: z.array(SessionInfo) });
export const SessionId = z.object({ id: z.string().regex(/^ses_[A-Za-z0-9_-]{1,60}$/, "Not a session id") });

export const PasswordChange = z
  .object({ currentPassword: z.string().min(1).max(200), newPassword: password })
  .strict()
  .openapi("PasswordChange");
