// Integrations under test: the local HTTP sink (test/http-sink.ts) that stands in for webhook receivers, Slack,
// Discord and the email provider, and a driver that hands the integrations queue's messages to the Worker.
import { inject } from "vitest";
import type { World } from "./world";

export type Received = { method: string; path: string; headers: Record<string, string>; body: string };

/** A fresh receiver URL on the sink. */
export const sinkUrl = (name: string) => `${inject("sinkUrl")}/${name}`;

async function control(name: string, method: string, body?: unknown) {
  const res = await fetch(`${inject("sinkUrl")}/__sink/${name}`, { method, body: body === undefined ? undefined : JSON.stringify(body) });
  return ((await res.json()) as { received: Received[] }).received;
}

/** What the receiver `name` was sent, in order. */
export const received = (name: string) => control(name, "GET");
/** The receiver answers its next requests with these statuses (then 200). */
export const answerWith = (name: string, statuses: number[]) => control(name, "PUT", { statuses });

/**
 * Delivers integrations messages until none is left (a retry's delay is not waited for: tests that care about it
 * step through `w.integrationSent` themselves).
 */
export async function drainIntegrations(w: World, rounds = 10) {
  for (let i = 0; i < rounds && w.integrationSent.length > 0; i++) await w.deliverIntegrations();
}

/** The tick (which notices pending events), then every message it leads to. */
export async function tickAndDrain(w: World) {
  await w.tick();
  await drainIntegrations(w);
}
