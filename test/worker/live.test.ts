// Live updates: a signed-in tab's WebSocket (GET /api/live, one WorkspaceLive object per workspace) hears every
// write of its workspace's posts — made by a request, the cron or the account's publisher — and nothing else.
import { describe, expect, it, vi } from "vitest";
import type { LiveFrame, LiveMessage } from "../../src/live/live.schemas";
import { type Client, connectAccount, emu, ORIGIN, signedUpClient, uploadVideo } from "./helpers";
import { tickAndDrain } from "./integration-helpers";
import { world } from "./world";

type Tab = { messages: LiveMessage[]; notices: number; statuses: (postId: string) => string[]; close(): void };

async function openTab(client: Client): Promise<Tab> {
  const res = await client.fetch("/api/live", { headers: { upgrade: "websocket" } });
  expect(res.status).toBe(101);
  const socket = res.webSocket!;
  socket.accept();
  const messages: LiveMessage[] = [];
  const tab = { notices: 0 };
  socket.addEventListener("message", (event) => {
    const frame = JSON.parse(event.data as string) as LiveFrame;
    if (frame.type === "posts") messages.push(frame);
    else tab.notices += 1;
  });
  return {
    messages,
    get notices() {
      return tab.notices;
    },
    statuses: (postId) => messages.flatMap((m) => m.posts.filter((p) => p.id === postId).map((p) => p.status)),
    close: () => socket.close(1000, "done"),
  };
}

async function liveWorld() {
  const w = await world();
  const client = await signedUpClient(w.fetcher);
  const { accountId, openId } = await connectAccount(client);
  const { videoId } = await uploadVideo(client);
  return { w, client, accountId, openId, videoId };
}

describe("live updates", () => {
  it("pushes each status of a post as it moves, from the request, the cron and the publisher", async () => {
    const { w, client, accountId, videoId } = await liveWorld();
    const tab = await openTab(client);
    const body = { accountId, videoId, caption: "Live!", privacyLevel: "SELF_ONLY", timezone: "UTC", scheduledAt: w.at(3 * 3_600_000) };
    const { body: created } = await client.json("/api/posts", body);
    const id = created.post.id as string;
    await vi.waitFor(() => expect(tab.statuses(id)).toEqual(["scheduled"]));

    // The cron claims it when it falls due; the account's publisher starts and publishes it.
    await w.advanceTo(Date.parse(created.post.scheduledAt) - 30_000);
    await w.tick();
    await w.publish(client, [accountId], [id]);
    await vi.waitFor(() => expect(tab.statuses(id).at(-1)).toBe("published"));
    const moves = tab.statuses(id).filter((s, i, all) => s !== all[i - 1]);
    expect(moves).toEqual(["scheduled", "queued", "publishing", "published"]);
    expect(tab.messages.at(-1)!.posts[0]).toMatchObject({ id, accountId, scheduledAt: created.post.scheduledAt });
    tab.close();
    await w.release();
  });

  it("tells only the post's own workspace", async () => {
    const { w, client, accountId, videoId } = await liveWorld();
    const other = await signedUpClient(w.fetcher);
    const otherAccount = await connectAccount(other);
    const otherVideo = await uploadVideo(other);
    const mine = await openTab(client);
    const theirs = await openTab(other);

    const draft = (await client.json("/api/drafts", { accountId, videoId, timezone: "UTC" })).body.post;
    const theirDraft = (
      await other.json("/api/drafts", { accountId: otherAccount.accountId, videoId: otherVideo.videoId, timezone: "UTC" })
    ).body.post;
    await vi.waitFor(() => expect(mine.statuses(draft.id)).toEqual(["draft"]));
    await vi.waitFor(() => expect(theirs.statuses(theirDraft.id)).toEqual(["draft"]));
    expect(theirs.messages.flatMap((m) => m.posts.map((p) => p.id))).toEqual([theirDraft.id]);
    expect(mine.messages.flatMap((m) => m.posts.map((p) => p.id))).toEqual([draft.id]);
    mine.close();
    theirs.close();
    await w.release();
  });

  it("opens only for a signed-in tab of our own origin, over a WebSocket", async () => {
    const { w, client } = await liveWorld();
    const foreign = await client.fetch("/api/live", { headers: { upgrade: "websocket", origin: "https://evil.example" } });
    expect(foreign.status).toBe(403);
    expect(((await foreign.json()) as { error: { code: string } }).error.code).toBe("csrf_rejected");

    const anonymous = await w.fetcher(new Request(`${ORIGIN}/api/live`, { headers: { upgrade: "websocket", origin: ORIGIN } }));
    expect(anonymous.status).toBe(401);

    const plain = await client.fetch("/api/live");
    expect(plain.status).toBe(426);
    expect(((await plain.json()) as { error: { code: string } }).error.code).toBe("upgrade_required");
    await w.release();
  });

  it("tells the workspace's tabs when the alerts of a failed post are written", async () => {
    const { w, client, accountId, openId, videoId } = await liveWorld();
    const tab = await openTab(client);
    await emu("/__emu/faults", "PUT", { openId, failReason: "spam_risk_too_many_posts" });
    const body = { accountId, videoId, caption: "refused", privacyLevel: "SELF_ONLY", timezone: "UTC", scheduledAt: w.at(20_000) };
    const { body: created } = await client.json("/api/posts", body);
    await w.publish(client, [accountId], [created.post.id]);
    await emu(`/__emu/faults?openId=${openId}`, "DELETE");
    expect(tab.notices).toBe(0);
    await tickAndDrain(w); // the dispatcher writes the "Post failed" notification
    await vi.waitFor(() => expect(tab.notices).toBe(1));
    expect((await client.json("/api/notifications")).body.unread).toBe(1);
    tab.close();
    await w.release();
  });
});
