// An audit entry in plain words: "ana@example.com created the API token “ci”". Unknown actions (a feature newer than
// this screen) fall back to the action's own name, so nothing is hidden.
import { type MessageKey, t } from "../i18n/index.ts";
import { type AuditEvent, ROLE_ORDER, type Role, roleLabel } from "./team-api.ts";

const WORDS: Record<string, MessageKey> = {
  "account.connect": "auditAction.account.connect",
  "account.disconnect": "auditAction.account.disconnect",
  "auth.logout_everywhere": "auditAction.auth.logout_everywhere",
  "auth.password_change": "auditAction.auth.password_change",
  "auth.sign_in": "auditAction.auth.sign_in",
  "member.invite": "auditAction.member.invite",
  "member.invite_revoke": "auditAction.member.invite_revoke",
  "member.join": "auditAction.member.join",
  "member.leave": "auditAction.member.leave",
  "member.remove": "auditAction.member.remove",
  "member.role_change": "auditAction.member.role_change",
  "post.approve": "auditAction.post.approve",
  "post.cancel": "auditAction.post.cancel",
  "post.discard": "auditAction.post.discard",
  "post.draft": "auditAction.post.draft",
  "post.duplicate": "auditAction.post.duplicate",
  "post.edit": "auditAction.post.edit",
  "post.reject": "auditAction.post.reject",
  "post.restore": "auditAction.post.restore",
  "post.schedule": "auditAction.post.schedule",
  "post.unschedule": "auditAction.post.unschedule",
  "queue.save": "auditAction.queue.save",
  "settings.timezone": "auditAction.settings.timezone",
  "token.create": "auditAction.token.create",
  "token.revoke": "auditAction.token.revoke",
  "workspace.create": "auditAction.workspace.create",
  "workspace.update": "auditAction.workspace.update",
};

const field = (data: unknown, key: string): string => {
  const value = data && typeof data === "object" ? (data as Record<string, unknown>)[key] : undefined;
  return typeof value === "string" ? value : "";
};

export function auditActor(event: AuditEvent): string {
  if (!event.actor) return t("audit.system");
  return event.actor.via === "token" ? t("audit.viaToken", { email: event.actor.email }) : event.actor.email;
}

/** What happened, after the actor's name. */
export function auditWords(event: AuditEvent): string {
  const params = {
    name: field(event.data, "name"),
    email: field(event.data, "email"),
    role: roleWord(field(event.data, "role")),
    target: event.target ?? "",
  };
  const words = WORDS[event.action];
  if (words) return t(words, params);
  return t("audit.other", { action: event.action, target: params.target });
}

const roleWord = (role: string) => (ROLE_ORDER.includes(role as Role) ? roleLabel(role as Role) : role);
