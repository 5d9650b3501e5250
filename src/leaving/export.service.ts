// Data exports, offered before anything is deleted: a workspace (settings, members, accounts without tokens, the
// videos' list, posts with their timelines, the planner's saved texts and schedules, the audit log) and a person's
// own account.
import { accountView } from "../accounts/accounts.repo";
import type { Database } from "../db/client";
import { postView } from "../posts/post-view";
import { plannerExport } from "../settings/planner-export";
import { iso } from "../shared/http";
import { findWorkspace, listMembers, otherMemberCount, workspacesOf } from "../teams/members.repo";
import { memberView } from "../teams/members.service";
import { listTokens } from "../tokens/tokens.repo";
import { tokenView } from "../tokens/tokens.service";
import { videoView } from "../videos/video-view";
import { eventsOf, workspaceContents } from "./leaving.repo";

export async function exportWorkspace(db: Database, workspaceId: string, now: number) {
  const workspace = (await findWorkspace(db, workspaceId))!;
  const contents = await workspaceContents(db, workspaceId);
  const events = await eventsOf(
    db,
    contents.posts.map((p) => p.id),
  );
  return {
    exportedAt: iso(now)!,
    workspace: { id: workspace.id, name: workspace.name, requireApproval: workspace.requireApproval, createdAt: iso(workspace.createdAt)! },
    members: (await listMembers(db, workspaceId)).map(memberView),
    accounts: contents.accounts.map((row) => accountView(row)),
    videos: contents.videos.map((v) => ({
      ...videoView({ ...v, postCount: contents.posts.filter((p) => p.videoId === v.id).length }),
      contentUrl: `/api/videos/${v.id}/content`,
    })),
    posts: contents.posts.map((p) => ({
      ...postView(p),
      events: events.filter((e) => e.postId === p.id).map((e) => ({ at: iso(e.at)!, type: e.type, message: e.message, logId: e.logId })),
    })),
    planner: await plannerExport(db, workspaceId),
    audit: contents.audit.map((a) => ({ at: iso(a.at)!, actor: a.actorEmail, via: a.via, action: a.action, target: a.target })),
  };
}

export async function exportUser(db: Database, user: { id: string; email: string; createdAt: number }, now: number) {
  const memberships = await workspacesOf(db, user.id);
  const workspaces = [];
  for (const m of memberships) {
    const apiTokens = (await listTokens(db, m.id, user.id)).map(tokenView);
    // A workspace only this person uses is deleted with their account: its full export comes along.
    const alone = m.role === "owner" && (await otherMemberCount(db, m.id, user.id)) === 0;
    workspaces.push({
      id: m.id,
      name: m.name,
      role: m.role,
      joinedAt: iso(m.joinedAt)!,
      apiTokens,
      ...(alone ? { export: await exportWorkspace(db, m.id, now) } : {}),
    });
  }
  return { exportedAt: iso(now)!, user: { id: user.id, email: user.email, createdAt: iso(user.createdAt)! }, workspaces };
}
