// Secrets Postflare must use again, not only compare (a webhook endpoint's signing secret, a Slack or Discord
// incoming-webhook URL, whose path is the credential), at rest: sealed under the TikTok tokens' key ring, bound to
// their owner (a sealed value copied to another row does not open), re-sealed by the key rotation.
import type { TokenCipher } from "./token-cipher";

const SEALED = "v2.";

export const sealSecret = (cipher: TokenCipher, owner: string, plain: string) => cipher.encrypt(plain, { owner });

/** The plain secret; a value stored before sealing (migration 0008's rows) is read as is until the rotation seals it. */
export const openSecret = (cipher: TokenCipher, owner: string, stored: string) =>
  stored.startsWith(SEALED) ? cipher.decrypt(stored, { owner }) : Promise.resolve(stored);

export const endpointOwner = (id: string) => `webhook_endpoint:${id}`;
export const channelOwner = (id: string) => `alert_channel:${id}`;
