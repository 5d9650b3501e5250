// The emulator's data model, types only: users, OAuth grants, publishes, upload tasks, the ledger, fault sets.
import type { Hash } from "node:crypto";
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
  /** user.info.stats; `likesCount` null = the sum of the user's public videos' likes. */
  followerCount: number;
  followingCount: number;
  likesCount: number | null;
  /** Bumped when the creator changes their picture: the avatar URL's path changes with it. */
  avatarVersion: number;
}

/** A post on the creator's profile, as the Display API shows it (tiktok-api.md §2.1). */
export interface Video {
  id: string;
  openId: string;
  /** ms epoch; `create_time` is this in whole seconds. */
  createdAt: number;
  title: string;
  durationSec: number;
  /** Only public videos appear in video/list and video/query. */
  isPublic: boolean;
  /** Set by the control API: these exact counts instead of the growth curve. */
  metrics: VideoMetrics | null;
}

export interface VideoMetrics {
  view_count: number;
  like_count: number;
  comment_count: number;
  share_count: number;
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

export type PublishStatus = "PROCESSING_UPLOAD" | "PROCESSING_DOWNLOAD" | "SEND_TO_USER_INBOX" | "PUBLISH_COMPLETE" | "FAILED";

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
  /** The caption sent in post_info (the video's title and description). */
  title: string;
  status: PublishStatus;
  failReason: string | null;
  /** Post ids created from this publish (a draft can yield several). */
  postIds: string[];
  /** Post ids that passed moderation and are publicly viewable. */
  publicPostIds: string[];
  /** `omitPublicPostId` was on when it completed: status/fetch and webhooks never name its post id. */
  postIdHidden: boolean;
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
  /** Every accepted video/query: which ids were asked for, exactly as received (strings). */
  videoQueries: Array<{ open_id: string; at: number; video_ids: string[] }>;
}

export interface FaultSet {
  /** Probability 0..1 that an API call or chunk PUT answers 5xx (drawn from the seeded RNG). */
  errorRate5xx?: number;
  latencyMs?: number;
  /** The next N data-endpoint calls answer 429 rate_limit_exceeded. */
  force429?: number;
  /** The next N chunk PUTs lose their connection mid-body; nothing is accepted. */
  dropConnectionMidChunk?: number;
  /** Publishes stay PROCESSING_* while set (a pull stays in its download, so it can be cancelled). */
  neverComplete?: boolean;
  /** Publishes finishing while set end FAILED with this fail_reason. */
  failReason?: string | null;
}
