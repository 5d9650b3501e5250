// A test's own Postflare on a manual clock: the HTTP, cron and queue handlers built with it, each account's
// Durable Object given it, TikTok's (the emulator's) clock pinned to it, and queue messages captured so the
// test hands them over itself. Time moves only when the test moves it: nothing here sleeps.

import {
  createExecutionContext,
  createMessageBatch,
  createScheduledController,
  getQueueResult,
  runDurableObjectAlarm,
  runInDurableObject,
  waitOnExecutionContext,
} from "cloudflare:test";
import { env } from "cloudflare:workers";
import { FINAL_STATUSES } from "../../src/posts/post-status";
import type { AccountPublisher } from "../../src/publishing/account-publisher";
import { manualClock } from "../../src/shared/clock";
import { createWorker } from "../../src/worker";
import { Client, emu, type Fetcher } from "./helpers";

/** Far enough ahead that no alarm armed in the test's time can fire for real while the test runs. */
const START_AHEAD_MS = 24 * 3600 * 1000;

type Sent = { body: unknown; delaySeconds?: number };

function capturingQueue(sent: Sent[]): Queue {
  return {
    send: async (body: unknown, options?: QueueSendOptions) => void sent.push({ body, delaySeconds: options?.delaySeconds }),
    sendBatch: async (messages: Iterable<MessageSendRequest>) => void sent.push(...messages),
  } as unknown as Queue;
}

export type World = Awaited<ReturnType<typeof world>>;

export async function world(start = Math.ceil((Date.now() + START_AHEAD_MS) / 1000) * 1000, overrides: Partial<Env> = {}) {
  const clock = manualClock(start);
  await emu("/__emu/clock", "PUT", { now: start });
  const sent: Sent[] = [];
  const mediaSent: Sent[] = [];
  const integrationSent: Sent[] = [];
  const testEnv: Env = {
    ...env,
    PUBLISH_QUEUE: capturingQueue(sent),
    MEDIA_QUEUE: capturingQueue(mediaSent),
    INTEGRATIONS_QUEUE: capturingQueue(integrationSent),
    ...overrides,
  };
  const worker = createWorker(clock);
  const fetcher: Fetcher = async (request) => {
    const ctx = createExecutionContext();
    const response = await worker.fetch(request, testEnv, ctx);
    await waitOnExecutionContext(ctx);
    return response;
  };
  const publisher = async (accountId: string) => {
    const stub = env.ACCOUNT_PUBLISHER.getByName(accountId);
    await runInDurableObject(stub, (instance: AccountPublisher) => {
      instance.clock = clock;
    });
    return stub;
  };

  const self = {
    clock,
    env: testEnv,
    /** Messages the Worker sent to the publish queue and the test has not delivered yet. */
    sent,
    /** Of those, the posts' (not the account syncs' the tick also hands out). */
    publishMessages: () => sent.filter((m) => (m.body as { kind: string }).kind === "publish"),
    now: () => clock.now(),
    /** An ISO time `ms` after the world's now, on a whole second. */
    at: (ms: number) => new Date(Math.ceil((clock.now() + ms) / 1000) * 1000).toISOString(),
    /** Sends a request to this world's Worker (for signedUpClient and friends). */
    fetcher,
    client: () => new Client(fetcher),

    /** Moves both clocks (ours and TikTok's) forward to `ms`. */
    async advanceTo(ms: number) {
      if (ms <= clock.now()) return;
      clock.set(ms);
      await emu("/__emu/clock", "PUT", { now: ms });
    },

    /** The cron tick, as the platform fires it at the world's now. */
    async tick() {
      const ctx = createExecutionContext();
      await worker.scheduled(createScheduledController({ scheduledTime: clock.now(), cron: "* * * * *" }), testEnv, ctx);
      await waitOnExecutionContext(ctx);
    },

    /** Hands every captured queue message to the consumer (as Cloudflare Queues would, at once). */
    async deliver() {
      const messages = sent.splice(0);
      if (messages.length === 0) return null;
      for (const m of messages) await publisher((m.body as { accountId: string }).accountId);
      const batch = createMessageBatch(
        "postflare-publish",
        messages.map((m, i) => ({ id: `msg-${clock.now()}-${i}`, timestamp: new Date(clock.now()), attempts: 1, body: m.body })),
      );
      const ctx = createExecutionContext();
      await worker.queue(batch, testEnv, ctx);
      return getQueueResult(batch, ctx);
    },

    /** Messages the Worker sent to the media queue (probes) and the test has not delivered yet. */
    mediaSent,

    /** Hands every captured media message to the media consumer (probing the videos), as Cloudflare Queues would. */
    async deliverMedia() {
      const messages = mediaSent.splice(0);
      const batch = createMessageBatch(
        "postflare-media",
        messages.map((m, i) => ({ id: `media-${clock.now()}-${i}`, timestamp: new Date(clock.now()), attempts: 1, body: m.body })),
      );
      const ctx = createExecutionContext();
      await worker.queue(batch, testEnv, ctx);
      return getQueueResult(batch, ctx);
    },

    publisher,

    /** Messages sent to the integrations queue (webhooks, alerts) and not delivered yet. */
    integrationSent,
    /** Hands every captured integrations message to its consumer at once (delays are the test's to honour). */
    async deliverIntegrations() {
      const messages = integrationSent.splice(0);
      if (messages.length === 0) return null;
      const batch = createMessageBatch(
        "postflare-integrations",
        messages.map((m, i) => ({ id: `int-${clock.now()}-${i}`, timestamp: new Date(clock.now()), attempts: 1, body: m.body })),
      );
      const ctx = createExecutionContext();
      await worker.queue(batch, testEnv, ctx);
      return getQueueResult(batch, ctx);
    },

    /**
     * Runs the accounts' Durable Object alarms in time order, moving the clocks to each one, until `done()` or
     * no alarm is left. Returns how many alarms ran.
     */
    async runAlarms(accountIds: string[], done: () => Promise<boolean> = async () => false, maxRuns = 2_000) {
      const stubs = await Promise.all(accountIds.map(publisher));
      for (let run = 0; run < maxRuns; run++) {
        if (await done()) return run;
        const alarms = await Promise.all(stubs.map((s) => runInDurableObject(s, (_i, state) => state.storage.getAlarm())));
        const next = alarms.reduce<{ at: number; i: number } | null>(
          (best, at, i) => (at !== null && (!best || at < best.at) ? { at, i } : best),
          null,
        );
        if (!next) return run;
        await self.advanceTo(next.at);
        await runDurableObjectAlarm(stubs[next.i]!);
      }
      throw new Error(`alarms still pending after ${maxRuns} runs`);
    },

    /** Delivers what is queued and runs alarms until every post is final; returns each post's view and timeline. */
    async publish(client: Client, accountIds: string[], postIds: string[]) {
      await self.deliver();
      await self.runAlarms(accountIds, () => allFinal(postIds));
      return Promise.all(postIds.map(async (id) => (await client.json(`/api/posts/${id}`)).body as PostView));
    },

    /** Returns TikTok's clock to real time (call when the test ends). */
    async release() {
      await emu("/__emu/clock", "PUT", { now: null });
    },
  };
  return self;
}

async function allFinal(postIds: string[]) {
  const marks = postIds.map(() => "?").join(", ");
  const finals = FINAL_STATUSES.map((f) => `'${f}'`).join(", ");
  const row = await env.DB.prepare(`SELECT count(*) AS open FROM posts WHERE id IN (${marks}) AND status NOT IN (${finals})`)
    .bind(...postIds)
    .first<{ open: number }>();
  return row!.open === 0;
}

export type PostView = { post: any; events: { type: string; message: string; logId: string | null; at: string }[] };
