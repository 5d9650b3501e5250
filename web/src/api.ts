// Typed client for Postflare's JSON API (/api). Every failure surfaces as one ApiError.

export type AccountStatus = "active" | "needs_reconnect" | "disconnected";
export type PostMode = "direct" | "inbox";
export type PostStatus =
  | "scheduled"
  | "queued"
  | "publishing"
  | "published"
  | "sent_to_inbox"
  | "failed"
  | "cancelled"
  | "missed"
  | "unconfirmed";

export interface User { id: string; email: string }
export interface Workspace { id: string; name: string }
export interface Session { user: User; workspace: Workspace }

export interface Account {
  id: string;
  openId: string;
  displayName: string;
  username: string | null;
  avatarUrl: string | null;
  status: AccountStatus;
  scopes: string[];
  connectedAt: string;
}

export interface CreatorInfo {
  nickname: string;
  username: string;
  avatarUrl: string;
  privacyLevelOptions: string[];
  commentDisabled: boolean;
  duetDisabled: boolean;
  stitchDisabled: boolean;
  maxVideoPostDurationSec: number;
  canPost: boolean;
  cannotPostReason: string | null;
}

export interface Video {
  id: string;
  filename: string;
  size: number;
  contentType: string;
  status: "uploading" | "ready" | "failed";
  partSize: number;
  partCount: number;
  createdAt: string;
}

export interface UploadedPart { partNumber: number; etag: string; size: number }

export interface PostTiming {
  scheduledAt: string;
  initAt: string | null;
  uploadedAt: string | null;
  completedAt: string | null;
  startLatenessMs: number | null;
  liveLatenessMs: number | null;
}

export interface PostInput {
  accountId: string;
  videoId: string;
  caption: string;
  /** Omitted (null) in inbox mode: TikTok's inbox init takes no post settings (tiktok-api.md §9.8). */
  privacyLevel: string | null;
  scheduledAt: string;
  timezone: string;
  mode: PostMode;
  disableComment: boolean;
  disableDuet: boolean;
  disableStitch: boolean;
  brandContent: boolean;
  brandOrganic: boolean;
}

/** What PATCH /api/posts/:id accepts: any subset. An edit puts the post back to `scheduled` and bumps its version. */
export type PostPatch = Partial<Omit<PostInput, "accountId"> & { isAigc: boolean; latePolicyMinutes: number }>;

export interface Post extends PostInput {
  id: string;
  isAigc: boolean;
  status: PostStatus;
  publishId: string | null;
  tiktokPostId: string | null;
  tiktokUrl: string | null;
  lastError: { code: string; message: string } | null;
  warning: string | null;
  latePolicyMinutes: number;
  timing: PostTiming;
  createdAt: string;
  updatedAt: string;
  version: number;
}

export interface PostEvent {
  id: string;
  at: string;
  type: string;
  message: string;
  logId: string | null;
  data: unknown;
}

export interface Health {
  ok: boolean;
  lastTickAt: string | null;
  tickOverdue: boolean;
  postsDueNextHour: number;
  queueBacklog: number;
  overduePosts: number;
}

/** Any non-2xx answer (or a network failure, status 0) from the API. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly details: unknown;

  constructor(status: number, code: string, message: string, details?: unknown) {
    super(message);
    this.name = "ApiError";
    this.status = status;
    this.code = code;
    this.details = details;
  }
}

/** Turns an error body `{error:{code,message,details}}` (or anything else) into an ApiError. */
export function toApiError(status: number, statusText: string, body: unknown): ApiError {
  const error = (body as { error?: { code?: unknown; message?: unknown; details?: unknown } } | null)?.error;
  if (error && typeof error.code === "string") {
    const message = typeof error.message === "string" && error.message ? error.message : error.code;
    return new ApiError(status, error.code, message, error.details);
  }
  return new ApiError(status, "http_error", `The server answered ${status} ${statusText}`.trim());
}

type Listener = (error: ApiError) => void;
let onUnauthenticated: Listener | null = null;

/** Called when a signed-in request comes back 401 `unauthenticated` (session expired or logged out elsewhere). */
export function setUnauthenticatedHandler(listener: Listener | null): void {
  onUnauthenticated = listener;
}

export async function request<T>(method: string, path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { Accept: "application/json" };
  // State-changing requests must be JSON so the Worker's CSRF check passes.
  if (body !== undefined || method !== "GET") headers["Content-Type"] = "application/json";
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      credentials: "same-origin",
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch (cause) {
    throw new ApiError(0, "network_error", "Could not reach Postflare. Check your connection and try again.", cause);
  }
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  let parsed: unknown = null;
  if (text) {
    try {
      parsed = JSON.parse(text);
    } catch {
      // Not JSON (e.g. a proxy error page): reported below with the HTTP status instead.
      parsed = null;
    }
  }
  if (!response.ok) {
    const error = toApiError(response.status, response.statusText, parsed);
    if (error.status === 401 && error.code === "unauthenticated" && !path.startsWith("/api/auth/")) {
      onUnauthenticated?.(error);
    }
    throw error;
  }
  if (parsed === null && text) throw new ApiError(response.status, "bad_response", "The server sent an unreadable answer.");
  return parsed as T;
}

const enc = encodeURIComponent;

export const api = {
  signup: (email: string, password: string) => request<Session>("POST", "/api/auth/signup", { email, password }),
  login: (email: string, password: string) => request<Session>("POST", "/api/auth/login", { email, password }),
  logout: () => request<void>("POST", "/api/auth/logout", {}),
  me: () => request<Session>("GET", "/api/me"),

  accounts: () => request<{ accounts: Account[] }>("GET", "/api/accounts"),
  creatorInfo: (accountId: string) =>
    request<{ creatorInfo: CreatorInfo }>("GET", `/api/accounts/${enc(accountId)}/creator-info`),

  createVideo: (input: { filename: string; size: number; contentType: string }) =>
    request<{ video: Video }>("POST", "/api/videos", input),
  completeVideo: (videoId: string) => request<{ video: Video }>("POST", `/api/videos/${enc(videoId)}/complete`, {}),
  videoPartUrl: (videoId: string, partNumber: number) => `/api/videos/${enc(videoId)}/parts/${partNumber}`,
  videoContentUrl: (videoId: string) => `/api/videos/${enc(videoId)}/content`,

  posts: () => request<{ posts: Post[] }>("GET", "/api/posts"),
  post: (postId: string) => request<{ post: Post; events: PostEvent[] }>("GET", `/api/posts/${enc(postId)}`),
  createPost: (input: PostInput) => request<{ post: Post; warnings: string[] }>("POST", "/api/posts", input),
  updatePost: (postId: string, patch: PostPatch) =>
    request<{ post: Post; warnings: string[] }>("PATCH", `/api/posts/${enc(postId)}`, patch),
  cancelPost: (postId: string) => request<{ post: Post }>("DELETE", `/api/posts/${enc(postId)}`),

  health: () => request<Health>("GET", "/api/health"),
};

/** Validation issues carried in `error.details` (zod issues `[{path, message}]`), normalised. */
export interface Issue { path: string; message: string }

export function issuesOf(error: unknown): Issue[] {
  if (!(error instanceof ApiError)) return [];
  const raw = Array.isArray(error.details)
    ? error.details
    : (error.details as { issues?: unknown } | null)?.issues;
  if (!Array.isArray(raw)) return [];
  return raw.flatMap((item: unknown) => {
    const issue = item as { path?: unknown; message?: unknown } | null;
    if (!issue || typeof issue.message !== "string") return [];
    const path = Array.isArray(issue.path) ? issue.path.join(".") : typeof issue.path === "string" ? issue.path : "";
    return [{ path, message: issue.message }];
  });
}

export function messageOf(error: unknown): string {
  if (error instanceof Error) return error.message;
  return "Something went wrong.";
}
