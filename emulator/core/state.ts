// In-memory state: maps of users, OAuth grants, publishes and upload tasks, timers, and the ledger tests assert on.
import type { AccessToken, AuthCode, ConsentSession, FaultSet, Ledger, Publish, RefreshToken, UploadTask, User, Video } from "./types.ts";

export function emptyLedger(): Ledger {
  return { inits: [], rejectedInits: [], uploads: [], tokenRefreshes: [], calls: [], webhooks: [], videoQueries: [] };
}

export class State {
  users = new Map<string, User>(); // by username
  codes = new Map<string, AuthCode>();
  accessTokens = new Map<string, AccessToken>();
  refreshTokens = new Map<string, RefreshToken>();
  /** Expiry of the first refresh token of a chain, carried across rotations. */
  refreshChainExpiry = new Map<string, number>();
  consents = new Map<string, ConsentSession>();
  publishes = new Map<string, Publish>();
  uploads = new Map<string, UploadTask>(); // by upload_id
  videos = new Map<string, Video>(); // by video (post) id
  rateWindows = new Map<string, number[]>();
  globalFaults: FaultSet = {};
  userFaults = new Map<string, FaultSet>();
  ledger: Ledger = emptyLedger();
  /** Webhook sends held back in reorder mode. */
  webhookBuffer: Array<() => void> | null = null;
  private timers = new Set<ReturnType<typeof setTimeout>>();

  userByOpenId(openId: string): User | undefined {
    for (const u of this.users.values()) if (u.openId === openId) return u;
    return undefined;
  }

  /** setTimeout that /__emu/reset and close() cancel. */
  schedule(fn: () => void, ms: number): void {
    const t = setTimeout(
      () => {
        this.timers.delete(t);
        fn();
      },
      Math.max(0, ms),
    );
    this.timers.add(t);
  }

  clear(): void {
    for (const t of this.timers) clearTimeout(t);
    this.timers.clear();
    for (const p of this.publishes.values()) p.pull?.abort.abort();
    this.users.clear();
    this.codes.clear();
    this.accessTokens.clear();
    this.refreshTokens.clear();
    this.refreshChainExpiry.clear();
    this.consents.clear();
    this.publishes.clear();
    this.uploads.clear();
    this.videos.clear();
    this.rateWindows.clear();
    this.globalFaults = {};
    this.userFaults.clear();
    this.ledger = emptyLedger();
    this.webhookBuffer = null;
  }
}
