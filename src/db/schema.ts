// Every D1 table, gathered from the features that own them (migrations/*.sql are the source of truth).
export { ACCOUNT_STATUSES, type AccountStatus } from "../accounts/account-status";
export { oauthStates, tiktokAccounts } from "../accounts/accounts.tables";
export {
  type AlertChannelRow,
  type AlertDeliveryRow,
  alertChannels,
  alertDeliveries,
  alertPreferences,
  emailOutbox,
  type NotificationRow,
  notifications,
} from "../alerts/alerts.tables";
export { auditEvents } from "../audit/audit.tables";
export { sessions, users, workspaceMembers, workspaces } from "../auth/auth.tables";
export { type IntegrationEventRow, integrationEvents } from "../events/events.tables";
export { idempotencyKeys } from "../posts/idempotency.tables";
export { POST_MODES, POST_STATUSES, type PostMode, type PostStatus } from "../posts/post-status";
export { type PostRow, postEvents, posts } from "../posts/posts.tables";
export { webhookReceipts } from "../publishing/webhooks.tables";
export { appState } from "../scheduler/scheduler.tables";
export { captionTemplates, hashtagGroups, workspaceSettings } from "../settings/settings.tables";
export { queueSchedules } from "../slots/slots.tables";
export { accountStatsDaily, type PostStatsRow, postMetricPoints, postStats } from "../sync/sync.tables";
export { invites } from "../teams/teams.tables";
export { apiTokens } from "../tokens/tokens.tables";
export { VIDEO_STATUSES } from "../videos/video-rules";
export { videoParts, videos } from "../videos/videos.tables";
export { type DeliveryRow, type EndpointRow, webhookDeliveries, webhookEndpoints } from "../webhook-endpoints/endpoints.tables";
