// The teams contract: workspaces (list, create, switch, settings), members and roles, invites. Pure: the web app
// imports these types too.
import { z } from "@hono/zod-openapi";
import { ROLES } from "../auth/roles";
import { idString, singleLine } from "../shared/text.schemas";

const role = z.enum(ROLES);
const id = idString();

export const WorkspaceSummary = z
  .object({ id: z.string(), name: z.string(), role, current: z.boolean(), joinedAt: z.string() })
  .openapi("WorkspaceSummary");
export const WorkspaceList = z.object({ workspaces: z.array(WorkspaceSummary) });

export const Workspace = z
  .object({ id: z.string(), name: z.string(), role, requireApproval: z.boolean(), createdAt: z.string(), memberCount: z.number() })
  .openapi("Workspace");
export const WorkspaceResponse = z.object({ workspace: Workspace });

export const NewWorkspace = z
  .object({ name: singleLine(100, "The name") })
  .strict()
  .openapi("NewWorkspace");
export const WorkspaceSwitch = z.object({ workspaceId: id }).strict().openapi("WorkspaceSwitch");
export const WorkspacePatch = z
  .object({ name: singleLine(100, "The name"), requireApproval: z.boolean() })
  .partial()
  .strict()
  .openapi("WorkspacePatch");

export const Member = z.object({ userId: z.string(), email: z.string(), role, joinedAt: z.string() }).openapi("Member");
export const MemberList = z.object({ members: z.array(Member) });
export const MemberId = z.object({ userId: id });
export const RoleChange = z.object({ role }).strict().openapi("RoleChange");
export const MemberResponse = z.object({ member: Member });

export const INVITE_ROLES = ["admin", "editor", "viewer"] as const;

export const NewInvite = z
  .object({
    role: z.enum(INVITE_ROLES),
    /** Only this person may accept; without it, anyone with the link may (one person, once). */
    email: z
      .email()
      .max(254)
      .transform((e) => e.toLowerCase())
      .optional(),
  })
  .strict()
  .openapi("NewInvite");

export const Invite = z
  .object({
    id: z.string(),
    role: z.enum(INVITE_ROLES),
    email: z.string().nullable(),
    createdAt: z.string(),
    expiresAt: z.string(),
    invitedBy: z.string().nullable(),
  })
  .openapi("Invite");

export const CreatedInvite = z
  .object({
    invite: Invite,
    /** The link to send (shown once). Opening it in the app and accepting joins the workspace. */
    url: z.string(),
    /** "link": show the link to the inviter (no email delivery is configured). */
    delivery: z.enum(["link"]),
  })
  .openapi("CreatedInvite");

export const InviteList = z.object({ invites: z.array(Invite) });
export const InviteId = z.object({ id });
export const InviteToken = z
  .object({ token: z.string().min(20).max(200) })
  .strict()
  .openapi("InviteToken");
export const InvitePreview = z
  .object({
    workspace: z.object({ id: z.string(), name: z.string() }),
    role: z.enum(INVITE_ROLES),
    invitedBy: z.string().nullable(),
    expiresAt: z.string(),
  })
  .openapi("InvitePreview");
