// The "leaving for good" contract: confirmations for deleting a workspace or an account (exports come first).
import { z } from "@hono/zod-openapi";

export const WorkspaceDeletion = z
  .object({ confirm: z.string().max(200).openapi({ description: "The workspace's exact name" }) })
  .strict()
  .openapi("WorkspaceDeletion");

export const AccountDeletion = z
  .object({
    password: z.string().min(1).max(200),
    confirm: z.literal("delete my account").openapi({ description: 'Exactly "delete my account"' }),
  })
  .strict()
  .openapi("AccountDeletion");

export const DeletionResult = z
  .object({ deletedWorkspaces: z.array(z.string()), leftWorkspaces: z.array(z.string()) })
  .openapi("DeletionResult");

/** Exports are free-form JSON documents (see the export services); described loosely. */
export const ExportDocument = z.record(z.string(), z.unknown()).openapi("ExportDocument");
