// The Worker's handlers, built around one clock: HTTP (the Hono app), the per-minute cron tick and the queue
// consumers (publish, media, and their dead letters). src/index.ts builds them with the system clock; tests build them with a manual one.

import { raiseDigests } from "./alerts/digest";
import { createApp } from "./app";
import { database } from "./db/client";
import { kickDispatch } from "./events/dispatch";
import { consumeIntegrations } from "./events/integrations-consumer";
import { feedLive } from "./live/live-feed";
import { logEvent } from "./observability/log";
import { type D1Tally, meteredD1 } from "./observability/metered-d1";
import { Metrics } from "./observability/metrics";
import { consumeDeadLetters, consumePublishQueue } from "./publishing/queue-consumer";
import { runTick } from "./scheduler/tick";
import type { Clock } from "./shared/clock";
import { consumeMediaDeadLetters, consumeMediaQueue } from "./videos/media-queue";

export function createWorker(clock: Clock) {
  const app = createApp(clock);
  return {
    fetch: app.fetch,

    async scheduled(_controller, env, ctx) {
      const now = clock.now();
      const tally: D1Tally = { queries: 0, rowsRead: 0, rowsWritten: 0 };
      const db = database(meteredD1(env.DB, tally));
      feedLive(db, env, ctx);
      const result = await runTick(db, env, now);
      const ms = clock.now() - now;
      const metrics = new Metrics(env, database(env.DB));
      for (const [name, value] of [
        ["tick_ms", ms],
        ["tick_rows_read", tally.rowsRead],
        ["tick_queries", tally.queries],
        ["tick_claimed", result.claimed],
      ] as const) {
        metrics.record({ name, value, at: now });
      }
      await metrics.flush();
      // Integration events (webhooks, alerts, daily digests) go out from their own queue; outside the tick's tally and figures.
      await raiseDigests(database(env.DB), now);
      await kickDispatch(database(env.DB), env.INTEGRATIONS_QUEUE, now);
      const { cleaned, videos, ...moved } = result;
      const forgotten = Object.values(cleaned).reduce((n, v) => n + v, 0);
      logEvent("tick", {
        ...moved,
        ...videos,
        forgotten,
        ms,
        rowsRead: tally.rowsRead,
        rowsWritten: tally.rowsWritten,
        queries: tally.queries,
      });
    },

    async queue(batch, env, ctx) {
      const db = database(env.DB);
      feedLive(db, env, ctx);
      if (batch.queue === "postflare-media") return consumeMediaQueue(batch, db, env.VIDEOS, clock.now());
      if (batch.queue === "postflare-media-dlq") return consumeMediaDeadLetters(batch, db, clock.now());
      if (batch.queue.endsWith("-dlq")) return consumeDeadLetters(batch, db, clock.now());
      if (batch.queue === "postflare-integrations") return consumeIntegrations(batch, db, env, clock.now());
      const metrics = new Metrics(env, db);
      await consumePublishQueue(batch, env, metrics, clock.now());
      await metrics.flush();
    },
  } satisfies ExportedHandler<Env>;
}
