// The publish state machine of one job in the account Durable Object: its phases, the phases each may move
// to, and what an interrupted step means. Steps (step-*.ts) return a StepResult; account-publisher.ts alone
// applies it (job store, post transitions, timeline), so this file is the whole map of a publish.
import type { JobChanges, Phase } from "./job";
import type { RetryKind } from "./retry";

export const PHASES = {
  /**
   * Claimed; prepared a few seconds before its second (step-prepare.ts): the post re-read while still queued, a
   * fresh token, creator info re-checked, media source and chunk plan chosen, a slot under 6 inits/min reserved.
   */
  waiting: { next: ["waiting", "init", "initiating"], interrupted: "retry" },
  /** Prepared again after a refused or failed init, a dead upload URL or a cancelled pull. */
  init: { next: ["init", "initiating"], interrupted: "retry" },
  /**
   * Prepared, its request written down; at its second the init is sent, and nothing else happens first.
   * Interrupted while sending, TikTok may have accepted it: never sent again on a guess.
   */
  initiating: { next: ["init", "uploading", "polling"], interrupted: "unconfirm" },
  /** Streaming chunks in order; each accepted chunk is recorded before the next is read. */
  uploading: { next: ["uploading", "init", "polling"], interrupted: "retry" },
  /** Reading status/fetch until TikTok's verdict (or a stalled pull is cancelled). */
  polling: { next: ["polling", "cancelling", "post_id"], interrupted: "retry" },
  /** Waiting for TikTok to confirm a cancelled pull before uploading the file instead. */
  cancelling: { next: ["cancelling", "init", "polling"], interrupted: "retry" },
  /** Published; still looking for the public post id (moderation). */
  post_id: { next: ["post_id"], interrupted: "retry" },
} as const satisfies Record<Phase, { next: readonly Phase[]; interrupted: "retry" | "unconfirm" }>;

export type { Phase };

export const canMove = (from: Phase, to: Phase) => (PHASES[from].next as readonly Phase[]).includes(to);

/** A line on the post's timeline. */
export type Note = { type: string; message: string; logId?: string | null; data?: unknown };

/** How a publish ends, as the post will show it. */
export type Outcome =
  /** `followPostId`: keep reading status for the public post id TikTok gives after moderation. */
  | { status: "published"; tiktokPostId: string | null; message: string; logId?: string | null; followPostId?: boolean }
  | { status: "sent_to_inbox"; message: string; logId?: string | null }
  | { status: "failed"; code: string; message: string; logId?: string | null }
  | { status: "unconfirmed"; reason: string };

/** Facts about the post to record on the way (not status changes). */
export type Progress =
  | { kind: "init"; publishId: string; initAt: number; mediaSource: string; logId: string | null; message: string }
  | { kind: "uploaded"; chunks: number }
  | { kind: "post_id"; tiktokPostId: string };

export type StepResult =
  /** Move on (or stay) and run again at `at`. A move to another phase resets the step's attempts. */
  | { next: Phase; at: number; set?: JobChanges; notes?: Note[]; progress?: Progress }
  /** The publish is over: the post takes this outcome. */
  | { end: Outcome; notes?: Note[] }
  /** Nothing more to do for this job (a stale claim, or the post id search ended). */
  | { drop: true; notes?: Note[]; progress?: Progress }
  /**
   * A step failed in a way worth retrying; retry.ts decides when, and what happens when attempts run out.
   * `message` is what the post shows if they do; `note` goes on the timeline now; `phase` is where to retry from;
   * `refreshToken`: TikTok refused the access token, so refresh it once and replay at once.
   */
  | { failed: RetryKind; code: string; message: string; note?: string; logId?: string | null; phase?: Phase; refreshToken?: boolean };
