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

export const AccountId = z.object({ id: z.string().regex(/^[A-Za-z0-9_-]{1,100}$/, "Not a valid account id") });

/** What TikTok's OAuth redirect brings back: a code and our state, or an error. */
export const OAuthCallbackQuery = z.object({
  code: z.string().max(2000).optional(),
  state: z.string().max(500).optional(),
  scopes: z.string().max(2000).optional(),
  error: z.string().max(200).optional(),
  error_description: z.string().max(2000).optional(),
});

export const AccountListResponse = z.object({ accounts: z.array(Account) });
export const CreatorInfoResponse = z.object({ creatorInfo: CreatorInfo });
