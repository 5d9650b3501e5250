// In-memory state: users, OAuth grants, publishes with their upload tasks, and the ledger tests assert on.
import type { Hash } from "node:crypto";
import type { FaultSet } from "./faults.ts";
import type { MediaSniffer } from "../uploads/media-sniffer.ts";

export type CannotPost = "spam_risk_too_many_posts" | "spam_risk_user_banned_from_posting" | "reached_active_user_cap";

export interface User {
  username: string;
  openId: string;
  unionId: string;
  nickname: string;
  isPrivate: boolean;
  commentDisabled: boolean;
  duetDisabled: boolean;
  stitchDisabled: boolean;
  maxVideoPostDurationSec: number;
  cannotPost: CannotPost | null;
  bio: string;
  isVerified: boolean;
}

export interface AuthCode {
  code: string;
  clientKey: string;
  redirectUri: string;
  openId: string;
  scopes: string[];
  expiresAt: number;
  used: boolean;
}

export interface AccessToken {
  token: string;
  openId: string;
  scopes: string[];
  expiresAt: number;
  revoked: boolean;
}

export interface RefreshToken {
  token: string;
  openId: string;
  scopes: string[];
  expiresAt: number;
  dead: boolean;
}

/** A validated authorize request waiting for the user's click on the consent page. */
export interface ConsentSession {
  id: string;
  redirectUri: string;
  state: string;
  scopes: string[];
  expiresAt: number;
}

export type PublishStatus =
  | "PROCESSING_UPLOAD"
  | "PROCESSING_DOWNLOAD"
  | "SEND_TO_USER_INBOX"
  | "PUBLISH_COMPLETE"
  | "FAILED";

export interface UploadTask {
  uploadId: string;
  uploadToken: string;
  publishId: string;
  videoSize: number;
  chunkSize: number;
  chunkCount: number;
  nextChunk: number;
  uploadedBytes: number;
  busy: boolean;
  expiresAt: number;
  hash: Hash;
  sniffer: MediaSniffer;
  startedAt: number;
}

export interface Publish {
  publishId: string;
  openId: string;
  mode: "direct" | "inbox";
  source: "FILE_UPLOAD" | "PULL_FROM_URL";
  privacyLevel: string | null;
  status: PublishStatus;
  failReason: string | null;
  /** Post ids created from this publish (a draft can yield several). */
  postIds: string[];
  /** Post ids that passed moderation and are publicly viewable. */
  publicPostIds: string[];
  uploadedBytes: number;
  downloadedBytes: number;
  createdAt: number;
  completedAt: number | null;
  completeCount: number;
  pull: { url: string; abort: AbortController; cancelled: boolean; running: boolean } | null;
  upload: UploadTask | null;
}

export interface Ledger {
  inits: Array<{
    publish_id: string;
    open_id: string;
    mode: "direct" | "inbox";
    source: "FILE_UPLOAD" | "PULL_FROM_URL";
    at: number;
    post_info: unknown;
    source_info: unknown;
  }>;
  rejectedInits: Array<{ open_id: string; at: number; code: string; endpoint: string }>;
  uploads: Array<{ publish_id: string; open_id: string; bytes: number; sha256: string; chunks: number; completedAt: number }>;
  tokenRefreshes: Array<{ open_id: string; at: number }>;
  calls: Array<{ endpoint: string; method: string; open_id: string | null; at: number; status: number; code: string | null }>;
  webhooks: Array<{ event: string; open_id: string; publish_id: string | null; at: number; attempts: number; status: number | null }>;
}

export function emptyLedger(): Ledger {
  return { inits: [], rejectedInits: [], uploads: [], tokenRefreshes: [], calls: [], webhooks: [] };
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
    const t = setTimeout(() => {
      this.timers.delete(t);
      fn();
    }, Math.max(0, ms));
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
    this.rateWindows.clear();
    this.globalFaults = {};
    this.userFaults.clear();
    this.ledger = emptyLedger();
    this.webhookBuffer = null;
  }
}
