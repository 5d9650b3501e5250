// Typed calls for teams, invites, API tokens, sessions, the audit log and leaving (docs/teams-api.md). Kept apart from
// api.ts so the planner's client and this one grow without touching each other; same request(), same ApiError.
import type { z } from "zod";
import type * as audit from "../../../src/audit/audit.schemas.ts";
import type * as auth from "../../../src/auth/auth.schemas.ts";
import type * as leaving from "../../../src/leaving/leaving.schemas.ts";
import type * as teams from "../../../src/teams/teams.schemas.ts";
import type * as tokens from "../../../src/tokens/tokens.schemas.ts";
import { request, type Session } from "../api.ts";
import { type MessageKey, t } from "../i18n/index.ts";

export type WorkspaceSummary = z.infer<typeof teams.WorkspaceSummary>;
export type WorkspaceInfo = z.infer<typeof teams.Workspace>;
export type Member = z.infer<typeof teams.Member>;
export type Role = Member["role"];
export type InviteRole = z.infer<typeof teams.NewInvite>["role"];
export type Invite = z.infer<typeof teams.Invite>;
export type CreatedInvite = z.infer<typeof teams.CreatedInvite>;
export type InvitePreview = z.infer<typeof teams.InvitePreview>;
export type ApiToken = z.infer<typeof tokens.ApiToken>;
export type CreatedToken = z.infer<typeof tokens.CreatedToken>;
export type SessionInfo = z.infer<typeof auth.SessionInfo>;
export type AuditEvent = z.infer<typeof audit.AuditEvent>;
export type AuditPage = z.infer<typeof audit.AuditResponse>;
export type DeletionResult = z.infer<typeof leaving.DeletionResult>;

export const ROLE_ORDER: Role[] = ["owner", "admin", "editor", "viewer"];
export const INVITE_ROLES: InviteRole[] = ["admin", "editor", "viewer"];
/** Same ranking the server's guard uses: owner > admin > editor > viewer. */
export const atLeast = (role: Role, needed: Role) => ROLE_ORDER.indexOf(role) <= ROLE_ORDER.indexOf(needed);

const ROLE_LABELS: Record<Role, MessageKey> = { owner: "role.owner", admin: "role.admin", editor: "role.editor", viewer: "role.viewer" };
export const roleLabel = (role: Role) => t(ROLE_LABELS[role]);

const enc = encodeURIComponent;

export const teamApi = {
  workspaces: () => request<z.infer<typeof teams.WorkspaceList>>("GET", "/api/workspaces"),
  createWorkspace: (name: string) => request<WorkspaceSummary>("POST", "/api/workspaces", { name }),
  switchWorkspace: (workspaceId: string) => request<Session>("POST", "/api/workspaces/switch", { workspaceId }),
  workspace: () => request<z.infer<typeof teams.WorkspaceResponse>>("GET", "/api/workspace"),
  patchWorkspace: (patch: z.input<typeof teams.WorkspacePatch>) =>
    request<z.infer<typeof teams.WorkspaceResponse>>("PATCH", "/api/workspace", patch),

  members: () => request<z.infer<typeof teams.MemberList>>("GET", "/api/members"),
  changeRole: (userId: string, role: Role) =>
    request<z.infer<typeof teams.MemberResponse>>("PATCH", `/api/members/${enc(userId)}`, { role }),
  removeMember: (userId: string) => request<void>("DELETE", `/api/members/${enc(userId)}`),
  leave: () => request<void>("POST", "/api/workspace/leave", {}),

  invites: () => request<z.infer<typeof teams.InviteList>>("GET", "/api/invites"),
  createInvite: (input: z.input<typeof teams.NewInvite>) => request<CreatedInvite>("POST", "/api/invites", input),
  revokeInvite: (id: string) => request<void>("DELETE", `/api/invites/${enc(id)}`),
  previewInvite: (token: string) => request<InvitePreview>("POST", "/api/invites/preview", { token }),
  acceptInvite: (token: string) => request<WorkspaceSummary>("POST", "/api/invites/accept", { token }),

  tokens: () => request<z.infer<typeof tokens.TokenList>>("GET", "/api/tokens"),
  createToken: (input: z.input<typeof tokens.NewToken>) => request<CreatedToken>("POST", "/api/tokens", input),
  revokeToken: (id: string) => request<void>("DELETE", `/api/tokens/${enc(id)}`),

  sessions: () => request<z.infer<typeof auth.SessionList>>("GET", "/api/sessions"),
  revokeSession: (id: string) => request<void>("DELETE", `/api/sessions/${enc(id)}`),
  logoutEverywhere: () => request<void>("POST", "/api/auth/logout-everywhere", {}),
  changePassword: (currentPassword: string, newPassword: string) =>
    request<void>("POST", "/api/auth/password", { currentPassword, newPassword }),

  audit: (before?: number) => request<AuditPage>("GET", `/api/audit?limit=50${before ? `&before=${before}` : ""}`),

  approve: (postId: string) => request<unknown>("POST", `/api/posts/${enc(postId)}/approve`, {}),
  reject: (postId: string, reason?: string) => request<unknown>("POST", `/api/posts/${enc(postId)}/reject`, reason ? { reason } : {}),

  deleteWorkspace: (confirm: string) => request<void>("DELETE", "/api/workspace", { confirm }),
  deleteAccount: (password: string) =>
    request<DeletionResult>("DELETE", "/api/me", { password, confirm: "delete my account" } satisfies z.input<
      typeof leaving.AccountDeletion
    >),
};

/** Where the export downloads come from (plain GETs with the session cookie; the browser saves the JSON). */
export const EXPORT_URLS = { workspace: "/api/workspace/export", account: "/api/me/export" } as const;
