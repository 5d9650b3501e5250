// The whole path, for real: sign up, connect TikTok (emulator OAuth), upload, schedule, and the post is
// published by cron → queue → account Durable Object → TikTok, with its timeline and the emulator's ledger agreeing.

import { createExecutionContext, createScheduledController, waitOnExecutionContext } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { describe, expect, it, vi } from "vitest";
import worker from "../../src/index";
import { connectAccount, emuRecord, sha256Hex, signedUpClient, uploadVideo } from "./helpers";

async function tick() {
  const ctx = createExecutionContext();
  await worker.scheduled(createScheduledController({ scheduledTime: Date.now(), cron: "* * * * *" }), env, ctx);
  await waitOnExecutionContext(ctx);
}

describe("scheduling a post end to end", () => {
  it("publishes a scheduled video on TikTok exactly once, on its second, and shows the TikTok post id (real time: queue, alarm and emulator as deployed)", async () => {
    const client = await signedUpClient();
    const { accountId, openId } = await connectAccount(client);
    const { videoId, bytes } = await uploadVideo(client);
    const scheduledAt = new Date(Math.ceil((Date.now() + 3_000) / 1000) * 1000);

    const created = await client.json("/api/posts", {
      accountId,
      videoId,
      caption: "Sunset timelapse #sky",
      privacyLevel: "PUBLIC_TO_EVERYONE",
      scheduledAt: scheduledAt.toISOString(),
      timezone: "Europe/Paris",
      mode: "direct",
      disableComment: false,
      disableDuet: true,
      disableStitch: false,
    });
    expect(created.status).toBe(201);
    const postId = created.body.post.id;
    // Due within the claim window: enqueued at once, no tick needed.
    expect(created.body.post.status).toBe("queued");
    await tick(); // a tick meanwhile must not claim it twice

    const published = await vi.waitFor(
      async () => {
        const { body } = await client.json(`/api/posts/${postId}`);
        if (body.post.status !== "published" || !body.post.tiktokPostId)
          throw new Error(
            `still ${body.post.status}: ${JSON.stringify(body.events.map((e: { type: string; message: string }) => `${e.type}: ${e.message}`))}`,
          );
        return body;
      },
      { timeout: 20_000, interval: 200 },
    );
    expect(published.post.timing.startLatenessMs).toBeGreaterThanOrEqual(0);
    expect(published.post.tiktokUrl).toContain(published.post.tiktokPostId);
    expect(published.events.map((e: { type: string }) => e.type)).toEqual(
      expect.arrayContaining(["scheduled", "queued", "init_accepted", "uploaded", "published"]),
    );

    const record = await emuRecord(openId);
    expect(record.inits).toHaveLength(1);
    expect(record.inits[0].at).toBeGreaterThanOrEqual(scheduledAt.getTime());
    expect(record.inits[0].post_info).toMatchObject({
      title: "Sunset timelapse #sky",
      privacy_level: "PUBLIC_TO_EVERYONE",
      disable_duet: true,
      brand_content_toggle: false,
    });
    expect(record.uploads[0].sha256).toBe(await sha256Hex(bytes));
    expect(record.publishes.filter((p: { completeCount: number }) => p.completeCount > 0)).toHaveLength(1);
    expect(record.publishes[0].completeCount).toBe(1);
  });
});
