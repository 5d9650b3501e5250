// Messages on the publish queue. They outlive deploys, so the consumer validates them with zod.
import { z } from "zod";

export const PublishMessage = z.object({
  kind: z.literal("publish"),
  postId: z.string().min(1),
  accountId: z.string().min(1),
  claimToken: z.string().min(1),
  scheduledAt: z.number().int(),
});
export type PublishMessage = z.infer<typeof PublishMessage>;
