// One account sync run as the account Durable Object stores it (sync-store.ts), its phases in order, and what a
// step may return (sync-runner.ts applies it). Same shape as a publish job: steps decide, the runner records.

/** In order: tokens, profile + stats (+ avatar), creator info, post ids TikTok left empty, post readings. */
export const SYNC_PHASES = ["token", "profile", "creator", "reconcile", "metrics"] as const;
export type SyncPhase = (typeof SYNC_PHASES)[number];

export type SyncRun = {
  account_id: string;
  phase: SyncPhase;
  next_at: number;
  /** Set while a step runs; a step found running at the next alarm was interrupted and is simply retried (reads only). */
  running_since: number | null;
  /** Failures of the current step (reset when the run moves on). */
  attempts: number;
  /** Whether the current step already forced a token refresh after TikTok refused the access token. */
  refreshed: number;
  /** "Sync now": profile and every tracked post, whatever their schedule. */
  full: number;
  /** Decided by the token step: whether this run reads profile, stats and creator info. */
  profile: number;
  reason: string;
  started_at: number;
  /** video/list paging (reconcile): the cursor to ask next, and pages read so far. */
  cursor: number | null;
  pages: number;
  /** metrics: posts are read in post id order; the last one done. */
  after_post: string | null;
  /** The first error of this run (the run goes on with the other parts; the account shows it). */
  error: string | null;
};
export type SyncRunChanges = Partial<Omit<SyncRun, "account_id" | "started_at">>;

export type SyncResult =
  /** Move on to the next phase (or stay, e.g. another page), at once or at `at`. */
  | { next: SyncPhase | "done"; at?: number; set?: SyncRunChanges }
  /** Stay in this phase until `at` without counting an attempt (a publish is due, the read budget, TikTok's 429). */
  | { wait: number }
  /**
   * Worth retrying (unless `final`); when the attempts run out the run records `message` and goes on with the next
   * phase. `refreshToken`: TikTok refused the access token, so refresh it once and replay at once.
   */
  | { failed: string; message: string; refreshToken?: boolean; final?: boolean }
  /** The account must be reconnected: nothing more can be read. */
  | { reconnect: string };

export const nextPhase = (phase: SyncPhase): SyncPhase | "done" => SYNC_PHASES[SYNC_PHASES.indexOf(phase) + 1] ?? "done";
