// /api/alerts/preferences (each person's own), /api/alert-channels (admins: Slack and Discord), /api/notifications
// (the notification centre: list with unread count, mark read), /api/email-outbox[/page] (admins, development only).
import { createRoute, z } from "@hono/zod-openapi";
import { audit } from "../audit/audit";
import { guard } from "../auth/guard";
import { errorResponses, json, jsonBody, router } from "../shared/http";
import { tokenCipher } from "../shared/token-cipher";
import { listNotifications, markRead } from "./alerts.repo";
import {
  AlertChannelId,
  AlertChannelList,
  AlertChannelResponse,
  MarkRead,
  NewAlertChannel,
  NotificationList,
  OutboxList,
  PreferencesPatch,
  PreferencesResponse,
} from "./alerts.schemas";
import { addChannel, changePreferences, channels, myPreferences, notificationView, outboxEmails, removeChannel } from "./alerts.service";
import { outboxPage } from "./outbox-page";

const tags = ["alerts"];
const member = guard("viewer");
const admin = guard("admin");
const r = {
  getPrefs: createRoute({
    method: "get",
    path: "/alerts/preferences",
    tags,
    ...member,
    responses: { 200: json(PreferencesResponse), ...errorResponses },
  }),
  putPrefs: createRoute({
    method: "put",
    path: "/alerts/preferences",
    tags,
    ...member,
    request: { body: jsonBody(PreferencesPatch) },
    responses: { 200: json(PreferencesResponse, "Your preferences in this workspace, after the change"), ...errorResponses },
  }),
  listChannels: createRoute({
    method: "get",
    path: "/alert-channels",
    tags,
    ...admin,
    responses: { 200: json(AlertChannelList), ...errorResponses },
  }),
  addChannel: createRoute({
    method: "post",
    path: "/alert-channels",
    tags,
    ...admin,
    request: { body: jsonBody(NewAlertChannel) },
    responses: { 201: json(AlertChannelResponse), ...errorResponses },
  }),
  removeChannel: createRoute({
    method: "delete",
    path: "/alert-channels/{id}",
    tags,
    ...admin,
    request: { params: AlertChannelId },
    responses: { 204: { description: "Removed" }, ...errorResponses },
  }),
  notifications: createRoute({
    method: "get",
    path: "/notifications",
    tags,
    ...member,
    responses: { 200: json(NotificationList, "Your latest 100 notifications, newest first, and how many are unread"), ...errorResponses },
  }),
  read: createRoute({
    method: "post",
    path: "/notifications/read",
    tags,
    ...member,
    request: { body: jsonBody(MarkRead) },
    responses: { 200: json(NotificationList), ...errorResponses },
  }),
  outboxPage: createRoute({
    method: "get",
    path: "/email-outbox/page",
    tags,
    ...admin,
    responses: { 200: { description: "The same emails as a page", content: { "text/html": { schema: z.string() } } }, ...errorResponses },
  }),
  outbox: createRoute({
    method: "get",
    path: "/email-outbox",
    tags,
    ...admin,
    responses: { 200: json(OutboxList, "Emails that would have gone out (no email provider configured)"), ...errorResponses },
  }),
};

export const alertRoutes = router()
  .openapi(r.getPrefs, async (c) => {
    const { workspaceId, userId } = c.get("session");
    return c.json({ preferences: await myPreferences(c.var.db, workspaceId, userId) }, 200);
  })
  .openapi(r.putPrefs, async (c) => {
    const { workspaceId, userId } = c.get("session");
    return c.json({ preferences: await changePreferences(c.var.db, workspaceId, userId, c.req.valid("json"), c.var.now) }, 200);
  })
  .openapi(r.listChannels, async (c) =>
    c.json({ channels: await channels(c.var.db, tokenCipher(c.env), c.get("session").workspaceId) }, 200),
  )
  .openapi(r.addChannel, async (c) => {
    const channel = await addChannel(
      c.var.db,
      tokenCipher(c.env),
      c.env.APP_URL,
      c.get("session").workspaceId,
      c.req.valid("json"),
      c.var.now,
    );
    await audit(c, "alert_channel.create", channel.id, { kind: channel.kind, alerts: channel.alerts });
    return c.json({ channel }, 201);
  })
  .openapi(r.removeChannel, async (c) => {
    const { id } = c.req.valid("param");
    await removeChannel(c.var.db, c.get("session").workspaceId, id);
    await audit(c, "alert_channel.delete", id);
    return c.body(null, 204);
  })
  .openapi(r.notifications, async (c) => {
    const { workspaceId, userId } = c.get("session");
    const { list, unread } = await listNotifications(c.var.db, workspaceId, userId);
    return c.json({ notifications: list.map(notificationView), unread }, 200);
  })
  .openapi(r.read, async (c) => {
    const { workspaceId, userId } = c.get("session");
    const body = c.req.valid("json");
    await markRead(c.var.db, workspaceId, userId, body.all ? "all" : (body.ids ?? []), c.var.now);
    const { list, unread } = await listNotifications(c.var.db, workspaceId, userId);
    return c.json({ notifications: list.map(notificationView), unread }, 200);
  })
  .openapi(r.outbox, async (c) => c.json({ emails: await outboxEmails(c.var.db, c.env, c.get("session").workspaceId) }, 200))
  .openapi(r.outboxPage, async (c) => c.html(outboxPage(await outboxEmails(c.var.db, c.env, c.get("session").workspaceId)), 200));
