// Worker entry: wires the HTTP app, the cron tick, the queue consumers and the account Durable Object.
import { app } from "./app";
import { consumeDeadLetters, consumePublishQueue } from "./publishing/queue-consumer";
import { runTick } from "./scheduler/tick";

export { AccountPublisher } from "./publishing/account-publisher";

export default {
  fetch: app.fetch,

  async scheduled(_controller, env, _ctx) {
    const result = await runTick(env, Date.now());
    console.log("tick", JSON.stringify(result));
  },

  async queue(batch, env, _ctx) {
    if (batch.queue.endsWith("-dlq")) return consumeDeadLetters(batch, env);
    return consumePublishQueue(batch, env);
  },
} satisfies ExportedHandler<Env>;
