// The key rotation for the other sealed secrets (src/shared/sealed-secret.ts): webhook signing secrets and
// Slack/Discord hook URLs not yet under the current key, or stored before sealing, are sealed again, a batch a tick.
import { channelsNotSealedUnder, resealChannelUrl } from "../alerts/alerts.repo";
import type { Database } from "../db/client";
import { channelOwner, endpointOwner, openSecret, sealSecret } from "../shared/sealed-secret";
import type { TokenCipher } from "../shared/token-cipher";
import { endpointsNotSealedUnder, resealEndpointSecret } from "../webhook-endpoints/endpoints.repo";

type Stored = { id: string; stored: string };
type Kind = {
  find: (db: Database, keyId: string, limit: number) => Promise<Stored[]>;
  owner: (id: string) => string;
  save: (db: Database, id: string, old: string, sealed: string) => Promise<void>;
};

const KINDS: Kind[] = [
  { find: endpointsNotSealedUnder, owner: endpointOwner, save: resealEndpointSecret },
  { find: channelsNotSealedUnder, owner: channelOwner, save: resealChannelUrl },
];

/** Re-seals up to `limit` secrets of each kind; answers how many were rewritten. */
export async function resealSecrets(db: Database, cipher: TokenCipher, limit = 50) {
  const keyId = await cipher.ring.current.id();
  let rewritten = 0;
  for (const kind of KINDS) {
    for (const row of await kind.find(db, keyId, limit)) {
      try {
        const plain = await openSecret(cipher, kind.owner(row.id), row.stored);
        await kind.save(db, row.id, row.stored, await sealSecret(cipher, kind.owner(row.id), plain));
        rewritten += 1;
      } catch (error) {
        // A key missing from the ring: that endpoint needs a new secret (or the channel a new URL); never log values.
        console.error("secret re-sealing failed", row.id, error instanceof Error ? error.message : "unknown error");
      }
    }
  }
  return rewritten;
}
