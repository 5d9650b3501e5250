// The alerts contract: a person's preferences, the workspace's Slack/Discord channels, the notification centre and
// the development email outbox. Pure: the web app imports these types.
import { z } from "@hono/zod-openapi";
import { idString } from "../shared/text.schemas";
import { ALERTS, PERSONAL_CHANNELS, SHARED_CHANNELS } from "./alert-kinds";

const Channels = z
  .array(z.enum(PERSONAL_CHANNELS))
  .max(PERSONAL_CHANNELS.length)
  .refine((l) => new Set(l).size === l.length, "Each channel once");

const shape = Object.fromEntries(ALERTS.map((a) => [a, Channels])) as Record<(typeof ALERTS)[number], typeof Channels>;

export const Preferences = z.object(shape).openapi("AlertPreferences");
/** Only the alerts named change; `[]` turns an alert off. */
export const PreferencesPatch = z.object(shape).partial().strict().openapi("AlertPreferencesPatch");
export const PreferencesResponse = z.object({ preferences: Preferences });

const Alerts = z
  .array(z.enum(ALERTS))
  .min(1, "Pick at least one alert")
  .max(ALERTS.length)
  .refine((l) => new Set(l).size === l.length, "Each alert once");

export const NewAlertChannel = z
  .object({
    kind: z.enum(SHARED_CHANNELS),
    url: z
      .string()
      .min(1)
      .max(2000)
      .regex(/^[\x21-\x7e]+$/, "Not a valid URL"),
    alerts: Alerts,
  })
  .strict()
  .openapi("NewAlertChannel");

export const AlertChannel = z
  .object({
    id: z.string(),
    kind: z.enum(SHARED_CHANNELS),
    urlHint: z.string().openapi({ description: "The hook's origin only: its path is a secret" }),
    alerts: z.array(z.enum(ALERTS)),
    createdAt: z.string(),
  })
  .openapi("AlertChannel");
export const AlertChannelResponse = z.object({ channel: AlertChannel });
export const AlertChannelList = z.object({ channels: z.array(AlertChannel) });
export const AlertChannelId = z.object({ id: idString("channel id") });

export const Notification = z
  .object({
    id: z.string(),
    alert: z.enum(ALERTS),
    title: z.string(),
    body: z.string(),
    link: z.string().nullable(),
    createdAt: z.string(),
    readAt: z.string().nullable(),
  })
  .openapi("Notification");
export const NotificationList = z.object({ notifications: z.array(Notification), unread: z.number().int() });

export const MarkRead = z
  .object({ ids: z.array(idString("notification id")).min(1).max(100).optional(), all: z.literal(true).optional() })
  .strict()
  .refine((b) => (b.ids === undefined) !== (b.all === undefined), "Give either ids or all: true")
  .openapi("MarkNotificationsRead");

export const OutboxList = z.object({
  emails: z.array(z.object({ id: z.string(), to: z.string(), subject: z.string(), text: z.string(), createdAt: z.string() })),
});
