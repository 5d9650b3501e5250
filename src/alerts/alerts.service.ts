// Alerts as people manage them: their own preferences, the workspace's chat channels, their notification centre,
// and (locally) the development outbox.
import type { Database } from "../db/client";
import type { AlertChannelRow, NotificationRow } from "../db/schema";
import { randomToken } from "../shared/crypto";
import { AppError, notFound } from "../shared/errors";
import { iso } from "../shared/http";
import { channelOwner, openSecret, sealSecret } from "../shared/sealed-secret";
import type { TokenCipher } from "../shared/token-cipher";
import { checkOutgoingUrl } from "../webhook-endpoints/url-policy";
import { effectivePreferences, type Preferences } from "./alert-fanout";
import type { Alert } from "./alert-kinds";
import { deleteChannel, insertChannel, listChannels, outbox, preferencesOf, savePreferences } from "./alerts.repo";

export async function myPreferences(db: Database, workspaceId: string, userId: string) {
  const row = (await preferencesOf(db, workspaceId)).find((p) => p.userId === userId);
  return effectivePreferences(row?.prefs);
}

export async function changePreferences(db: Database, workspaceId: string, userId: string, patch: Partial<Preferences>, now: number) {
  const merged = { ...(await myPreferences(db, workspaceId, userId)), ...patch };
  await savePreferences(db, workspaceId, userId, JSON.stringify(merged), now);
  return merged;
}

/** `url` is the opened hook URL: only its origin is shown, its path is the credential. */
export function channelView(row: AlertChannelRow, url: string) {
  return {
    id: row.id,
    kind: row.kind,
    urlHint: `${new URL(url).origin}/…`,
    alerts: JSON.parse(row.alerts) as Alert[],
    createdAt: iso(row.createdAt)!,
  };
}

export async function addChannel(
  db: Database,
  cipher: TokenCipher,
  appUrl: string,
  workspaceId: string,
  input: { kind: AlertChannelRow["kind"]; url: string; alerts: Alert[] },
  now: number,
) {
  const id = `alc_${randomToken(12)}`;
  const url = checkOutgoingUrl(input.url, appUrl);
  const row: AlertChannelRow = {
    id,
    workspaceId,
    kind: input.kind,
    url: await sealSecret(cipher, channelOwner(id), url),
    alerts: JSON.stringify(input.alerts),
    createdAt: now,
  };
  await insertChannel(db, row);
  return channelView(row, url);
}

export async function channels(db: Database, cipher: TokenCipher, workspaceId: string) {
  const rows = await listChannels(db, workspaceId);
  return Promise.all(rows.map(async (row) => channelView(row, await openSecret(cipher, channelOwner(row.id), row.url))));
}

export async function removeChannel(db: Database, workspaceId: string, id: string) {
  if (!(await deleteChannel(db, workspaceId, id))) throw notFound("Alert channel");
}

export function notificationView(row: NotificationRow) {
  return {
    id: row.id,
    alert: row.alert as Alert,
    title: row.title,
    body: row.body,
    link: row.link,
    createdAt: iso(row.createdAt)!,
    readAt: iso(row.readAt),
  };
}

/** The development outbox: only when no email provider is configured (otherwise email really leaves). */
export async function outboxEmails(db: Database, env: Env, workspaceId: string) {
  if (env.EMAIL_API_KEY) throw new AppError(404, "not_found", "Email goes through the configured provider: there is no outbox");
  return (await outbox(db, workspaceId)).map((e) => ({
    id: e.id,
    to: e.toAddress,
    subject: e.subject,
    text: e.text,
    createdAt: iso(e.createdAt)!,
  }));
}
