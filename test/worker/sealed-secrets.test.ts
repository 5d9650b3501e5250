// Webhook signing secrets and Slack/Discord hook URLs at rest (issue 14): sealed under the token key ring, bound to
// their row, still used as before (the receiver verifies, the chat hook gets its alert), rows from before sealing
// read as they are and get sealed by the cron, and the key rotation re-seals them under a new key.

import { env } from "cloudflare:workers";
import { createHmac } from "node:crypto";
import { afterEach, describe, expect, it } from "vitest";
import { database } from "../../src/db/client";
import { resealSecrets } from "../../src/maintenance/secret-rotation";
import { KeyRing } from "../../src/shared/keyring";
import { endpointOwner, openSecret } from "../../src/shared/sealed-secret";
import { TokenCipher } from "../../src/shared/token-cipher";
import { TEST_SECRETS } from "../secrets";
import { rows, signedUpWithToken, unique } from "./helpers";
import { received, sinkUrl, tickAndDrain } from "./integration-helpers";
import { type World, world } from "./world";

let w: World;
afterEach(() => w?.release());

const OLD = TEST_SECRETS.TOKEN_ENCRYPTION_KEY;
const NEW = btoa(String.fromCharCode(...Array.from({ length: 32 }, (_, i) => 200 - i)));

const signedWith = (secret: string, header: string, body: string) => {
  const { t, v1 } = Object.fromEntries(header.split(",").map((kv) => kv.split("=") as [string, string]));
  return createHmac("sha256", secret).update(`${t}.${body}`).digest("hex") === v1;
};

describe("sealed integration secrets", () => {
  it("keeps secrets and hook URLs sealed at rest, signs with the secret, and re-seals old and rotated rows", async () => {
    w = await world();
    const owner = await signedUpWithToken(w.fetcher);
    const hook = unique("hook");
    const slack = unique("slack");
    const endpoint = (await owner.json("/api/webhook-endpoints", { url: sinkUrl(hook), events: ["post.scheduled"] })).body.endpoint;
    await owner.json("/api/alert-channels", { kind: "slack", url: sinkUrl(slack), alerts: ["failed"] });
    const [stored] = await rows<{ secret: string }>("SELECT secret FROM webhook_endpoints WHERE id = ?", endpoint.id);
    expect(stored!.secret).toMatch(/^v2\.[0-9a-f]{8}\./);
    expect(stored!.secret).not.toContain(endpoint.secret.slice(6));
    const [channel] = await rows<{ id: string; url: string }>("SELECT id, url FROM alert_channels");
    expect(channel!.url).toMatch(/^v2\./);
    expect(channel!.url).not.toContain(slack);
    expect((await owner.json("/api/alert-channels")).body.channels[0].urlHint).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/…$/);
    // Bound to its row: the same sealed value does not open as another endpoint's.
    const cipher = new TokenCipher(OLD);
    await expect(openSecret(cipher, endpointOwner("whe_other"), stored!.secret)).rejects.toThrow();

    // A row written before sealing (plain secret) still signs, and the next tick seals it.
    await env.DB.prepare("UPDATE webhook_endpoints SET secret = ? WHERE id = ?").bind(endpoint.secret, endpoint.id).run();
    const test = await owner.json(`/api/webhook-endpoints/${endpoint.id}/test`, {});
    expect(test.status).toBe(202);
    await tickAndDrain(w);
    const [ping] = await received(hook);
    expect(signedWith(endpoint.secret, ping!.headers["postflare-signature"]!, ping!.body)).toBe(true);
    const [resealed] = await rows<{ secret: string }>("SELECT secret FROM webhook_endpoints WHERE id = ?", endpoint.id);
    expect(resealed!.secret).toMatch(/^v2\./);
    expect(await openSecret(cipher, endpointOwner(endpoint.id), resealed!.secret)).toBe(endpoint.secret);

    // A key rotation re-seals both under the new key; rotating back leaves the suite's key current.
    const rotating = new TokenCipher(new KeyRing(NEW, OLD));
    expect(await resealSecrets(database(env.DB), rotating)).toBeGreaterThanOrEqual(2);
    const newId = await rotating.ring.current.id();
    const [underNew] = await rows<{ secret: string }>("SELECT secret FROM webhook_endpoints WHERE id = ?", endpoint.id);
    expect(underNew!.secret.startsWith(`v2.${newId}.`)).toBe(true);
    expect(await openSecret(new TokenCipher(NEW), endpointOwner(endpoint.id), underNew!.secret)).toBe(endpoint.secret);
    expect(await resealSecrets(database(env.DB), rotating)).toBe(0);
    await resealSecrets(database(env.DB), new TokenCipher(new KeyRing(OLD, NEW)));
    const [back] = await rows<{ url: string }>("SELECT url FROM alert_channels WHERE id = ?", channel!.id);
    expect(back!.url.startsWith(`v2.${await cipher.ring.current.id()}.`)).toBe(true);
  });
});
