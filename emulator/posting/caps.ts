// Posting quotas (tiktok-api.md §5): per-creator daily Direct Post cap, pending inbox shares, active-creator cap.
import type { Emulator } from "../core/emulator.ts";
import type { CannotPost, User } from "../core/types.ts";

const DAY_MS = 24 * 60 * 60 * 1000;

function recentInits(emu: Emulator) {
  const since = emu.now() - DAY_MS;
  return emu.state.ledger.inits.filter((i) => i.at > since);
}

/** Accepted Direct Post inits in the last 24 h (§5: "~15 per 24 h"). */
export function directPostsToday(emu: Emulator, openId: string): number {
  return recentInits(emu).filter((i) => i.open_id === openId && i.mode === "direct").length;
}

/** Inbox shares from the last 24 h the user has not posted yet (freed when posted, §5). */
export function pendingShares(emu: Emulator, openId: string): number {
  const since = emu.now() - DAY_MS;
  let n = 0;
  for (const p of emu.state.publishes.values()) {
    if (p.openId === openId && p.mode === "inbox" && p.createdAt > since && p.status !== "PUBLISH_COMPLETE" && p.status !== "FAILED") n++;
  }
  return n;
}

/** App-wide cap on distinct posting creators per 24 h; a creator already counted may keep posting. */
export function activeCapReached(emu: Emulator, openId: string): boolean {
  const cap = emu.options.activeUserCap;
  if (cap === null) return false;
  const active = new Set(recentInits(emu).map((i) => i.open_id));
  return !active.has(openId) && active.size >= cap;
}

/** Why this creator cannot Direct Post right now, or null (creator_info and Direct init). */
export function directPostBlock(emu: Emulator, user: User): CannotPost | null {
  if (user.cannotPost) return user.cannotPost;
  if (directPostsToday(emu, user.openId) >= emu.options.dailyPostCap) return "spam_risk_too_many_posts";
  if (activeCapReached(emu, user.openId)) return "reached_active_user_cap";
  return null;
}
