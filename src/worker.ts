// The Worker's handlers, built around one clock: HTTP (the Hono app), the per-minute cron tick and the queue
// consumers (publish, media, and their dead letters). src/index.ts builds them with the system clock; tests build them with a manual one.
import { createApp } from "./app";
import { database } from "./db/client";
import { consumeDeadLetters, consumePublishQueue } from "./publishing/queue-consumer";
import { runTick } from "./scheduler/tick";
import type { Clock } from "./shared/clock";
import { consumeMediaDeadLetters, consumeMediaQueue } from "./videos/media-queue";

export function createWorker(clock: Clock) {
  const app = createApp(clock);
  return {
    fetch: app.fetch,

    async scheduled(_controller, env, _ctx) {
      const result = await runTick(database(env.DB), env, clock.now());
      console.log("tick", JSON.stringify(result));
    },

    async queue(batch, env, _ctx) {
      if (batch.queue === "postflare-media") return consumeMediaQueue(batch, database(env.DB), env.VIDEOS, clock.now());
      if (batch.queue === "postflare-media-dlq") return consumeMediaDeadLetters(batch, database(env.DB), clock.now());
      if (batch.queue.endsWith("-dlq")) return consumeDeadLetters(batch, database(env.DB), clock.now());
      return consumePublishQueue(batch, env);
    },
  } satisfies ExportedHandler<Env>;
}
