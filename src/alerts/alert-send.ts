// One attempt of one outside alert (email, Slack, Discord): claimed under a lease, sent, and on a failure tried
// again with the webhooks' backoff for up to 24 h. Sent once: the claim only takes a pending delivery.
import type { Database } from "../db/client";
import type { EventBody } from "../events/payload";
import { channelOwner, openSecret } from "../shared/sealed-secret";
import { tokenCipher } from "../shared/token-cipher";
import { nextAttemptAt } from "../webhook-endpoints/delivery-retry";
import { alertOf } from "./alert-fanout";
import { type AlertText, alertText } from "./alert-text";
import { claimAlert, findChannel, finishAlert } from "./alerts.repo";
import { emailProvider } from "./email";

export type ResendAlert = (id: string, delaySeconds: number) => Promise<void>;

async function postChat(kind: "slack" | "discord", url: string, { title, text, link }: AlertText) {
  // Slack's incoming webhooks take `text` (mrkdwn); Discord's take `content` (markdown).
  const body =
    kind === "slack" ? { text: `*${title}*\n${text}\n<${link}|Open in Postflare>` } : { content: `**${title}**\n${text}\n${link}` };
  const response = await fetch(url, {
    method: "POST",
    redirect: "manual",
    signal: AbortSignal.timeout(10_000),
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${kind} answered ${response.status}`);
}

export async function attemptAlert(db: Database, env: Env, id: string, now: number, resend: ResendAlert) {
  const claimed = await claimAlert(db, id, now, 60_000);
  if (!claimed) return;
  const { delivery, event } = claimed;
  const alert = alertOf(event.type);
  if (!alert || event.payload === null) return finishAlert(db, id, { status: "failed", lastError: "nothing to say" });
  const message = alertText(alert, JSON.parse(event.payload) as EventBody, env.APP_URL);
  try {
    if (delivery.channel === "email") {
      const { idempotencyKey, target: to, workspaceId } = delivery;
      const choices = `${env.APP_URL.replace(/\/$/, "")}/integrations`;
      const text = `${message.text}\n\n${message.link}\n\n—\nYou get this email because of your alert choices in Postflare; change them at ${choices}`;
      await emailProvider(env, db).send({ to, subject: `Postflare: ${message.title}`, text, idempotencyKey, workspaceId }, now);
    } else {
      const channel = await findChannel(db, delivery.target);
      if (!channel) return finishAlert(db, id, { status: "failed", lastError: "channel removed" });
      await postChat(channel.kind, await openSecret(tokenCipher(env), channelOwner(channel.id), channel.url), message);
    }
    await finishAlert(db, id, { status: "sent", sentAt: now, lastError: null, nextAttemptAt: null });
  } catch (error) {
    const next = nextAttemptAt(delivery.createdAt, delivery.attempts, now);
    await finishAlert(db, id, {
      status: next === null ? "failed" : "pending",
      nextAttemptAt: next,
      lastError: String(error).slice(0, 500),
    });
    if (next !== null) await resend(id, Math.ceil((next - now) / 1000));
  }
}
