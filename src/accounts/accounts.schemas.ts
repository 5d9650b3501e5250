// The accounts contract: zod schemas for requests and responses (also the OpenAPI description). Pure: the web
// app imports these types too.
import { z } from "@hono/zod-openapi";
import { AccountProfile, AccountStats, AccountSync } from "../sync/sync.schemas";
import { ACCOUNT_STATUSES } from "./account-status";

export const Account = z
  .object({
    id: z.string(),
    openId: z.string(),
    displayName: z.string(),
    username: z.string().nullable(),
    avatarUrl: z.string().nullable(),
    status: z.enum(ACCOUNT_STATUSES),
    statusReason: z.string().nullable(),
    scopes: z.array(z.string()),
    connectedAt: z.string(),
    profile: AccountProfile,
    stats: AccountStats.nullable(),
    sync: AccountSync,
  })
  .openapi("Account");

export const CreatorInfo = z
  .object({
    nickname: z.string(),
    username: z.string(),
    avatarUrl: z.string().nullable(),
    privacyLevelOptions: z.array(z.string()),
    commentDisabled: z.boolean(),
    duetDisabled: z.boolean(),
    stitchDisabled: z.boolean(),
    maxVideoPostDurationSec: z.number(),
    canPost: z.boolean(),
    cannotPostReason: z.string().nullable(),
  })
  .openapi("CreatorInfo");

export const AccountId = z.object({ id: z.string() });

/** What TikTok's OAuth redirect brings back: a code and our state, or an error. */
export const OAuthCallbackQuery = z.object({
  code: z.string().optional(),
  state: z.string().optional(),
  scopes: z.string().optional(),
  error: z.string().optional(),
  error_description: z.string().optional(),
});

export const AccountListResponse = z.object({ accounts: z.array(Account) });
export const CreatorInfoResponse = z.object({ creatorInfo: CreatorInfo });
