// The Worker's handlers, built around one clock: HTTP (the Hono app), the per-minute cron tick and the queue
// consumers. src/index.ts builds them with the system clock; tests build them with a manual one.
import { createApp } from "./app";
import { database } from "./db/client";
import { feedLive } from "./live/live-feed";
import { consumeDeadLetters, consumePublishQueue } from "./publishing/queue-consumer";
import { runTick } from "./scheduler/tick";
import type { Clock } from "./shared/clock";

export function createWorker(clock: Clock) {
  const app = createApp(clock);
  return {
    fetch: app.fetch,

    async scheduled(_controller, env, ctx) {
      const db = database(env.DB);
      feedLive(db, env, ctx);
      const result = await runTick(db, env, clock.now());
      console.log("tick", JSON.stringify(result));
    },

    async queue(batch, env, ctx) {
      if (batch.queue.endsWith("-dlq")) {
        const db = database(env.DB);
        feedLive(db, env, ctx);
        return consumeDeadLetters(batch, db, clock.now());
      }
      return consumePublishQueue(batch, env);
    },
  } satisfies ExportedHandler<Env>;
}
