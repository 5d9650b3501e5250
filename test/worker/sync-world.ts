// Drivers for the account-sync tests on a driven world (world.ts): one sync round as the platform runs it (the cron
// tick hands out due accounts, the queue delivers, each account's alarms run), and a public post published for real.
import { type Client, rows, schedulePost, uploadVideo } from "./helpers";
import type { World } from "./world";

/** The tick at the world's now, its messages delivered, and the accounts' alarms run until none is left. */
export async function syncRound(w: World, accountIds: string[]) {
  await w.tick();
  const handedOut = w.sent
    .filter((m) => (m.body as { kind: string }).kind === "sync")
    .map((m) => (m.body as { accountId: string }).accountId);
  await w.deliver();
  await w.runAlarms(accountIds);
  return handedOut;
}

/** Moves the world to the account's next sync and runs that round. Returns the time it moved to. */
export async function nextSyncRound(w: World, accountId: string) {
  const at = (await nextSyncAt(accountId))!;
  await w.advanceTo(at);
  await syncRound(w, [accountId]);
  return at;
}

export async function nextSyncAt(accountId: string) {
  return (await rows<{ next_sync_at: number | null }>("SELECT next_sync_at FROM tiktok_accounts WHERE id = ?", accountId))[0]!.next_sync_at;
}

/** A public Direct Post due in a few seconds, published through the emulator; returns the post's view. */
export async function publishPublic(w: World, client: Client, accountId: string, caption = "Sunset timelapse #sky") {
  const { videoId } = await uploadVideo(client);
  const post = await schedulePost(client, accountId, videoId, { caption, privacyLevel: "PUBLIC_TO_EVERYONE", scheduledAt: w.at(2_000) });
  const [done] = await w.publish(client, [accountId], [post.id]);
  // The publisher keeps following the post for its public id; let it finish (no alarm left).
  await w.runAlarms([accountId]);
  return done!.post as { id: string; status: string; tiktokPostId: string | null };
}

export const completedAt = async (postId: string) =>
  (await rows<{ completed_at: number }>("SELECT completed_at FROM posts WHERE id = ?", postId))[0]!.completed_at;
