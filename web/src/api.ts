// Typed client for Postflare's JSON API (/api). Every failure surfaces as one ApiError.
// The types are the server's own zod schemas (src/*/*.schemas.ts), imported as types only, so they cannot drift from
// what the routes validate and serve, and nothing of zod reaches the bundle.
import type { z } from "zod";
import type * as accounts from "../../src/accounts/accounts.schemas.ts";
import type * as alerts from "../../src/alerts/alerts.schemas.ts";
import type * as auth from "../../src/auth/auth.schemas.ts";
import type * as health from "../../src/health/health.schemas.ts";
import type * as imports from "../../src/imports/imports.schemas.ts";
import type * as live from "../../src/live/live.schemas.ts";
import type * as drafts from "../../src/posts/drafts.schemas.ts";
import type * as posts from "../../src/posts/posts.schemas.ts";
import type * as settings from "../../src/settings/settings.schemas.ts";
import type * as slots from "../../src/slots/slots.schemas.ts";
import type * as sync from "../../src/sync/sync.schemas.ts";
import type * as videos from "../../src/videos/videos.schemas.ts";
import type * as webhooks from "../../src/webhook-endpoints/endpoints.schemas.ts";
import { t } from "./i18n/index.ts";

export type Session = z.infer<typeof auth.Identity>;
export type User = Session["user"];
export type Workspace = Session["workspace"];
type Credentials = z.input<typeof auth.Credentials>;

export type Account = z.infer<typeof accounts.Account>;
export type AccountStatus = Account["status"];
export type CreatorInfo = z.infer<typeof accounts.CreatorInfo>;

export type Video = z.infer<typeof videos.Video>;
export type NewVideo = z.input<typeof videos.NewVideo>;
export type UploadedPart = z.infer<typeof videos.UploadedPart>;

export type Post = z.infer<typeof posts.Post>;
export type PostStatus = Post["status"];
export type PostMode = Post["mode"];
export type PostTiming = Post["timing"];
export type PostEvent = z.infer<typeof posts.PostEventSchema>;
/** What POST /api/posts accepts (z.input: fields the server defaults may be left out). */
export type PostInput = z.input<typeof posts.NewPost>;
/** What PATCH /api/posts/:id accepts: any subset. An edit puts the post back to `scheduled` and bumps its version. */
export type PostPatch = z.input<typeof posts.PostPatch>;
export type PrivacyLevel = NonNullable<PostInput["privacyLevel"]>;

export type Health = z.infer<typeof health.Health>;

export type PostListQuery = Omit<z.input<typeof posts.PostListQuery>, "limit"> & { limit?: number };
export type DraftInput = z.input<typeof drafts.NewDraft>;
export type DraftPatch = z.input<typeof drafts.DraftPatch>;
export type QueuedPostInput = z.input<typeof drafts.NewQueuedPost>;
export type ScheduleDraftInput = z.input<typeof drafts.ScheduleDraft>;
export type BulkAction = z.input<typeof drafts.BulkAction>;
export type BulkResult = z.infer<typeof drafts.BulkResult>;
export type Slot = z.infer<typeof slots.Slot>;
export type QueueSchedule = z.infer<typeof slots.QueueSchedule>;
export type QueueInfo = z.infer<typeof slots.QueueResponse>;
export type SlotInstance = z.infer<typeof slots.SlotInstance>;
export type HashtagGroup = z.infer<typeof settings.HashtagGroup>;
export type CaptionTemplate = z.infer<typeof settings.CaptionTemplate>;
export type WorkspaceSettings = z.infer<typeof settings.WorkspaceSettings>;
export type LiveMessage = z.infer<typeof live.LiveMessage>;
export type LiveFrame = z.infer<typeof live.LiveFrame>;

/** What the account sync keeps (issue 11): an account's stats and sync state, a post's counts, their histories. */
export type AccountStats = NonNullable<Account["stats"]>;
export type AccountSync = Account["sync"];
export type PostMetrics = NonNullable<Post["metrics"]>;
export type StatsPoint = z.infer<typeof sync.StatsPoint>;
export type MetricsPoint = z.infer<typeof sync.MetricsPoint>;

/** Integrations (issue 14): a person's alert preferences, the workspace's Slack/Discord channels, outgoing webhooks. */
export type AlertPreferences = z.infer<typeof alerts.Preferences>;
export type AlertPreferencesPatch = z.input<typeof alerts.PreferencesPatch>;
export type AlertChannel = z.infer<typeof alerts.AlertChannel>;
export type NewAlertChannel = z.input<typeof alerts.NewAlertChannel>;
export type WebhookEndpoint = z.infer<typeof webhooks.Endpoint>;
export type WebhookEndpointWithSecret = z.infer<typeof webhooks.EndpointWithSecret>;
export type NewWebhookEndpoint = z.input<typeof webhooks.NewEndpoint>;
export type WebhookEndpointPatch = z.input<typeof webhooks.EndpointPatch>;
export type WebhookDelivery = z.infer<typeof webhooks.Delivery>;
/** The notification centre (issue 14) and the CSV import's preview and result. */
export type AppNotification = z.infer<typeof alerts.Notification>;
export type NotificationList = z.infer<typeof alerts.NotificationList>;
export type ImportPreview = z.infer<typeof imports.ImportPreview>;
export type ImportRow = z.infer<typeof imports.ImportRow>;
export type ImportResult = z.infer<typeof imports.ImportResult>;

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
  return new ApiError(status, "http_error", t("api.httpError", { status: `${status} ${statusText}`.trim() }));
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
    throw new ApiError(0, "network_error", t("api.network"), cause);
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
  if (parsed === null && text) throw new ApiError(response.status, "bad_response", t("api.unreadable"));
  return parsed as T;
}

const enc = encodeURIComponent;

export const api = {
  signup: (email: string, password: string) => request<Session>("POST", "/api/auth/signup", { email, password } satisfies Credentials),
  login: (email: string, password: string) => request<Session>("POST", "/api/auth/login", { email, password } satisfies Credentials),
  logout: () => request<void>("POST", "/api/auth/logout", {}),
  me: () => request<Session>("GET", "/api/me"),

  accounts: () => request<z.infer<typeof accounts.AccountListResponse>>("GET", "/api/accounts"),
  creatorInfo: (accountId: string) =>
    request<z.infer<typeof accounts.CreatorInfoResponse>>("GET", `/api/accounts/${enc(accountId)}/creator-info`),
  /** "Sync now": 202, or ApiError 429 `sync_too_soon` (details.retryAfterSeconds) within a minute of the last one. */
  syncAccount: (accountId: string) => request<z.infer<typeof sync.SyncRequested>>("POST", `/api/accounts/${enc(accountId)}/sync`, {}),
  accountStats: (accountId: string, range: { from?: string; to?: string } = {}) =>
    request<z.infer<typeof sync.StatsResponse>>(
      "GET",
      `/api/accounts/${enc(accountId)}/stats?${new URLSearchParams(Object.entries(range).filter(([, v]) => v) as [string, string][])}`,
    ),

  createVideo: (input: NewVideo) => request<z.infer<typeof videos.VideoResponse>>("POST", "/api/videos", input),
  completeVideo: (videoId: string) => request<z.infer<typeof videos.VideoResponse>>("POST", `/api/videos/${enc(videoId)}/complete`, {}),
  video: (videoId: string) => request<z.infer<typeof videos.VideoResponse>>("GET", `/api/videos/${enc(videoId)}`),
  deleteVideo: (videoId: string) => request<z.infer<typeof videos.DeletedResponse>>("DELETE", `/api/videos/${enc(videoId)}`),
  videoPartUrl: (videoId: string, partNumber: number) => `/api/videos/${enc(videoId)}/parts/${partNumber}`,
  videoThumbnailUrl: (videoId: string) => `/api/videos/${enc(videoId)}/thumbnail`,
  videoContentUrl: (videoId: string) => `/api/videos/${enc(videoId)}/content`,

  posts: (query: PostListQuery = {}) => request<z.infer<typeof posts.PostListResponse>>("GET", `/api/posts${queryString(query)}`),
  post: (postId: string) => request<z.infer<typeof posts.PostDetailResponse>>("GET", `/api/posts/${enc(postId)}`),
  createPost: (input: PostInput) => request<z.infer<typeof posts.PostWithWarnings>>("POST", "/api/posts", input),
  updatePost: (postId: string, patch: PostPatch) =>
    request<z.infer<typeof posts.PostWithWarnings>>("PATCH", `/api/posts/${enc(postId)}`, patch),
  cancelPost: (postId: string) => request<z.infer<typeof posts.PostResponse>>("DELETE", `/api/posts/${enc(postId)}`),
  postMetrics: (postId: string) => request<z.infer<typeof sync.MetricsResponse>>("GET", `/api/posts/${enc(postId)}/metrics`),

  health: () => request<Health>("GET", "/api/health"),
  videos: () => request<z.infer<typeof videos.VideoListResponse>>("GET", "/api/videos"),

  // The planner: drafts, queue, bulk moves, undo.
  createDraft: (input: DraftInput) => request<z.infer<typeof posts.PostResponse>>("POST", "/api/drafts", input),
  updateDraft: (postId: string, patch: DraftPatch) =>
    request<z.infer<typeof posts.PostResponse>>("PATCH", `/api/drafts/${enc(postId)}`, patch),
  discardDraft: (postId: string) => request<z.infer<typeof posts.PostResponse>>("DELETE", `/api/drafts/${enc(postId)}`),
  scheduleDraft: (postId: string, input: ScheduleDraftInput) =>
    request<z.infer<typeof posts.PostWithWarnings>>("POST", `/api/posts/${enc(postId)}/schedule`, input),
  queuePost: (input: QueuedPostInput) => request<z.infer<typeof posts.PostWithWarnings>>("POST", "/api/posts/queue", input),
  unschedulePost: (postId: string) => request<z.infer<typeof posts.PostResponse>>("POST", `/api/posts/${enc(postId)}/unschedule`, {}),
  duplicatePost: (postId: string) => request<z.infer<typeof posts.PostResponse>>("POST", `/api/posts/${enc(postId)}/duplicate`, {}),
  restorePost: (postId: string) => request<z.infer<typeof posts.PostResponse>>("POST", `/api/posts/${enc(postId)}/restore`, {}),
  bulk: (action: BulkAction) => request<BulkResult>("POST", "/api/posts/bulk", action),

  queue: (accountId: string) => request<QueueInfo>("GET", `/api/accounts/${enc(accountId)}/queue`),
  saveQueue: (accountId: string, schedule: { timezone: string; slots: Slot[] }) =>
    request<QueueInfo>("PUT", `/api/accounts/${enc(accountId)}/queue`, schedule),
  slots: (from: string, to: string) =>
    request<z.infer<typeof slots.SlotInstancesResponse>>("GET", `/api/queue/slots${queryString({ from, to })}`),

  settings: () => request<z.infer<typeof settings.SettingsResponse>>("GET", "/api/settings"),
  saveSettings: (input: { timezone: string | null }) => request<z.infer<typeof settings.SettingsResponse>>("PUT", "/api/settings", input),
  hashtagGroups: () => request<z.infer<typeof settings.HashtagGroupListResponse>>("GET", "/api/hashtag-groups"),
  saveHashtagGroup: (input: z.input<typeof settings.HashtagGroupInput>, id?: string) =>
    id
      ? request<z.infer<typeof settings.HashtagGroupResponse>>("PUT", `/api/hashtag-groups/${enc(id)}`, input)
      : request<z.infer<typeof settings.HashtagGroupResponse>>("POST", "/api/hashtag-groups", input),
  deleteHashtagGroup: (id: string) => request<unknown>("DELETE", `/api/hashtag-groups/${enc(id)}`),
  templates: () => request<z.infer<typeof settings.CaptionTemplateListResponse>>("GET", "/api/caption-templates"),
  saveTemplate: (input: z.input<typeof settings.CaptionTemplateInput>, id?: string) =>
    id
      ? request<z.infer<typeof settings.CaptionTemplateResponse>>("PUT", `/api/caption-templates/${enc(id)}`, input)
      : request<z.infer<typeof settings.CaptionTemplateResponse>>("POST", "/api/caption-templates", input),
  deleteTemplate: (id: string) => request<unknown>("DELETE", `/api/caption-templates/${enc(id)}`),

  // Integrations: alerts (each person's own), Slack/Discord channels and outgoing webhooks (admins).
  alertPreferences: () => request<z.infer<typeof alerts.PreferencesResponse>>("GET", "/api/alerts/preferences"),
  saveAlertPreferences: (patch: AlertPreferencesPatch) =>
    request<z.infer<typeof alerts.PreferencesResponse>>("PUT", "/api/alerts/preferences", patch),
  alertChannels: () => request<z.infer<typeof alerts.AlertChannelList>>("GET", "/api/alert-channels"),
  addAlertChannel: (input: NewAlertChannel) => request<z.infer<typeof alerts.AlertChannelResponse>>("POST", "/api/alert-channels", input),
  removeAlertChannel: (id: string) => request<void>("DELETE", `/api/alert-channels/${enc(id)}`),
  /** 404 when a real email provider is configured: there is no local outbox then. */
  emailOutbox: () => request<z.infer<typeof alerts.OutboxList>>("GET", "/api/email-outbox"),
  emailOutboxPageUrl: "/api/email-outbox/page",
  webhookEndpoints: () => request<z.infer<typeof webhooks.EndpointList>>("GET", "/api/webhook-endpoints"),
  createWebhookEndpoint: (input: NewWebhookEndpoint) =>
    request<z.infer<typeof webhooks.CreatedEndpoint>>("POST", "/api/webhook-endpoints", input),
  updateWebhookEndpoint: (id: string, patch: WebhookEndpointPatch) =>
    request<z.infer<typeof webhooks.EndpointResponse>>("PATCH", `/api/webhook-endpoints/${enc(id)}`, patch),
  deleteWebhookEndpoint: (id: string) => request<void>("DELETE", `/api/webhook-endpoints/${enc(id)}`),
  rotateWebhookSecret: (id: string) =>
    request<z.infer<typeof webhooks.CreatedEndpoint>>("POST", `/api/webhook-endpoints/${enc(id)}/rotate-secret`, {}),
  testWebhookEndpoint: (id: string) =>
    request<z.infer<typeof webhooks.DeliveryResponse>>("POST", `/api/webhook-endpoints/${enc(id)}/test`, {}),
  webhookDeliveries: (id: string) => request<z.infer<typeof webhooks.DeliveryList>>("GET", `/api/webhook-endpoints/${enc(id)}/deliveries`),
  redeliverWebhook: (id: string, deliveryId: string) =>
    request<z.infer<typeof webhooks.DeliveryResponse>>(
      "POST",
      `/api/webhook-endpoints/${enc(id)}/deliveries/${enc(deliveryId)}/redeliver`,
      {},
    ),
  // The notification centre and the CSV import (issue 14).
  notifications: () => request<NotificationList>("GET", "/api/notifications"),
  markNotificationsRead: (input: z.input<typeof alerts.MarkRead>) => request<NotificationList>("POST", "/api/notifications/read", input),
  previewImport: (csv: string) =>
    request<ImportPreview>("POST", "/api/imports/preview", { csv } satisfies z.input<typeof imports.ImportPreviewRequest>),
  /** All or nothing: 422 `import_rows_invalid` (details: each row's errors) when a chosen row no longer passes. */
  confirmImport: (input: z.input<typeof imports.ImportConfirmRequest>) => request<ImportResult>("POST", "/api/imports/confirm", input),
  importTemplateUrl: "/api/imports/template",
};

/** "?a=1&b=2" from the defined values (empty when none). */
function queryString(query: Record<string, string | number | undefined>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) if (value !== undefined && value !== "") params.set(key, String(value));
  const text = params.toString();
  return text ? `?${text}` : "";
}

/** Validation issues carried in `error.details` (zod issues `[{path, message}]`), normalised. */
export interface Issue {
  path: string;
  message: string;
}

export function issuesOf(error: unknown): Issue[] {
  if (!(error instanceof ApiError)) return [];
  const raw = Array.isArray(error.details) ? error.details : (error.details as { issues?: unknown } | null)?.issues;
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
  return t("api.unknown");
}
