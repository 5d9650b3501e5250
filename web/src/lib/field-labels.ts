// API field paths (zod issue paths) in words, for error lists: "scheduledAt" → "Time".
import { type MessageKey, t } from "../i18n/index.ts";

const LABELS: Record<string, MessageKey> = {
  email: "field.email",
  password: "field.password",
  accountId: "field.account",
  videoId: "field.video",
  caption: "field.caption",
  privacyLevel: "field.privacy",
  scheduledAt: "field.time",
  timezone: "field.timezone",
  mode: "field.mode",
  name: "field.name",
  hashtags: "field.hashtags",
  body: "field.body",
  slots: "field.slots",
};

export function fieldLabel(path: string): string {
  const key = LABELS[path.split(".")[0] ?? ""];
  return key ? t(key) : path;
}
