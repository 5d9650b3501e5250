// Feeds live updates: every post write through a database handle (post-transitions.ts's hook) reaches its
// workspace's WorkspaceLive object, after the write and without delaying it (the publisher's timing is untouched).
import type { Database } from "../db/client";
import { type PostWrite, watchPostWrites } from "../posts/post-transitions";
import { iso } from "../shared/http";
import type { LiveFrame, LiveMessage } from "./live.schemas";

type Background = { waitUntil(promise: Promise<unknown>): void };

export function liveMessage(rows: PostWrite[]): LiveMessage {
  return {
    type: "posts",
    posts: rows.map((r) => ({
      id: r.id,
      accountId: r.accountId,
      status: r.status,
      version: r.version,
      scheduledAt: iso(r.scheduledAt),
      updatedAt: iso(r.updatedAt)!,
    })),
  };
}

/** Tells these workspaces' open tabs that new notifications were written (best effort, like every live update). */
export async function announceNotifications(env: Env, workspaceIds: Iterable<string>) {
  const notice: LiveFrame = { type: "notifications" };
  await Promise.all(
    [...new Set(workspaceIds)].map((id) =>
      env.WORKSPACE_LIVE.getByName(id)
        .publish(notice)
        .catch((error: unknown) => console.warn("live notice failed", id, error)),
    ),
  );
}

/** Call where a handle is built (a request, the cron, a queue batch, an account's Durable Object). */
export function feedLive(db: Database, env: Env, background: Background) {
  watchPostWrites(db, (rows) => {
    const byWorkspace = Map.groupBy(rows, (r) => r.workspaceId);
    for (const [workspaceId, written] of byWorkspace) {
      const push = env.WORKSPACE_LIVE.getByName(workspaceId)
        .publish(liveMessage(written))
        // Live updates are best effort: a tab that missed one refetches when its socket reconnects.
        .catch((error: unknown) => console.warn("live update failed", workspaceId, error));
      background.waitUntil(push);
    }
  });
}
