// token: the run starts by making sure the account is still connected, and decides whether it reads profile, stats
// and creator info (daily, or "Sync now"). A profile run refreshes the tokens whenever the access token would not
// outlive the next one: every connected account rotates its pair daily with nothing scheduled, and a refresh token
// TikTok stopped accepting is found (token-manager.ts then marks the account needs_reconnect with the reason).
import { findAccountById } from "../accounts/accounts.repo";
import { syncFailure } from "./sync-calls";
import type { SyncStep } from "./sync-context";
import { profileDue } from "./sync-schedule";

const HOUR = 3_600_000;

export const tokenStep: SyncStep = async (ctx, run) => {
  const now = ctx.clock.now();
  const account = await findAccountById(ctx.db, ctx.accountId);
  if (!account) return { reconnect: "The TikTok account was removed from Postflare." };
  if (account.status !== "active") return { reconnect: account.statusReason ?? "Reconnect this TikTok account." };
  const profile = run.full === 1 || profileDue(account.profileDueAt, now, ctx.config);
  const force = profile && account.accessExpiresAt - now < ctx.config.profileIntervalMs + HOUR;
  try {
    await ctx.tokens.accessToken(now, force);
  } catch (error) {
    return syncFailure(ctx, null, error);
  }
  return { next: profile ? "profile" : "reconcile", set: { profile: profile ? 1 : 0 } };
};
