// One publish job as the account Durable Object stores it (job-store.ts), and the names of its phases
// (what each phase means and may become: publish-phases.ts).

export type Phase = "waiting" | "init" | "initiating" | "uploading" | "polling" | "cancelling" | "post_id";

export type Job = {
  post_id: string;
  claim_token: string;
  scheduled_at: number;
  phase: Phase;
  next_at: number;
  /** Set while a step runs; found set at the next alarm, the step was interrupted (crash, eviction). */
  running_since: number | null;
  /** Failures of the current step (reset when the job moves on). */
  attempts: number;
  /** Whether the current step already forced one token refresh after TikTok refused the access token. */
  refreshed: number;
  reinits: number;
  /** What the post says (JSON PostSnapshot, from its publish message): no database read before the init. */
  post: string | null;
  /** The prepared init request (JSON), sent as is by the `initiating` step. */
  request: string | null;
  /** The video in R2, copied from D1 when the init is prepared, so chunk steps read no database. */
  video_key: string | null;
  video_type: string | null;
  video_size: number | null;
  /** Whether TikTok will give this post a public id after moderation (public Direct Posts only). */
  public_post: number;
  publish_id: string | null;
  upload_url: string | null;
  /** PULL_FROM_URL or FILE_UPLOAD once chosen; FILE_UPLOAD is kept after a fallback. */
  source: string | null;
  source_reason: string | null;
  chunk_size: number | null;
  chunk_count: number | null;
  next_chunk: number;
  polls: number;
  polling_since: number | null;
  paced_noted: number;
};
export type JobChanges = Partial<Omit<Job, "post_id" | "claim_token" | "scheduled_at">>;
