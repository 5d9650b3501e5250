// TikTok tokens at rest: AES-256-GCM with a fresh 12-byte IV per write, the account id and token kind as
// additional data (a ciphertext copied to another row or kind does not decrypt), and the key id in the stored
// value: `v2.<key id>.<base64url(iv || ciphertext)>`. Values written before the key ring (base64 of iv ||
// ciphertext under the raw master key, no AAD) still decrypt; `isCurrent` tells the rotation what to rewrite.
import { fromBase64, KeyRing } from "./keyring";

const encoder = new TextEncoder();
const VERSION = "v2";

export type TokenKind = "access" | "refresh";
export type TokenAad = { accountId: string; kind: TokenKind };
/** Another secret Postflare must use again (src/shared/sealed-secret.ts), bound to its owner, e.g. "webhook_endpoint:whe_…". */
export type SecretAad = { owner: string };

const aadBytes = (aad: TokenAad | SecretAad) =>
  encoder.encode("owner" in aad ? `postflare:secret:${aad.owner}` : `postflare:tiktok-token:${aad.accountId}:${aad.kind}`);

function toBase64Url(bytes: Uint8Array): string {
  let binary = "";
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary).replaceAll("+", "-").replaceAll("/", "_").replace(/=+$/, "");
}

export class TokenCipher {
  readonly ring: KeyRing;

  /** A key ring, or one base64 master key (tests, scripts). */
  constructor(keys: KeyRing | string) {
    this.ring = typeof keys === "string" ? new KeyRing(keys) : keys;
  }

  async encrypt(plain: string, aad: TokenAad | SecretAad): Promise<string> {
    const key = this.ring.current;
    const iv = crypto.getRandomValues(new Uint8Array(12));
    const params = { name: "AES-GCM", iv, additionalData: aadBytes(aad) };
    const sealed = new Uint8Array(await crypto.subtle.encrypt(params, await key.aesKey(), encoder.encode(plain)));
    const out = new Uint8Array(iv.byteLength + sealed.byteLength);
    out.set(iv);
    out.set(sealed, iv.byteLength);
    return `${VERSION}.${await key.id()}.${toBase64Url(out)}`;
  }

  async decrypt(stored: string, aad: TokenAad | SecretAad): Promise<string> {
    const [version, keyId, body] = stored.split(".");
    if (version === VERSION && keyId && body) {
      const key = await this.ring.byId(keyId);
      if (!key) throw new Error(`token encrypted with key ${keyId}, which is not in the key ring`);
      const bytes = fromBase64(body);
      const params = { name: "AES-GCM", iv: bytes.slice(0, 12), additionalData: aadBytes(aad) };
      return new TextDecoder().decode(await crypto.subtle.decrypt(params, await key.aesKey(), bytes.slice(12)));
    }
    return this.decryptLegacy(stored);
  }

  /** Written with the current key in the current format? (Otherwise the rotation re-encrypts it.) */
  async isCurrent(stored: string): Promise<boolean> {
    return stored.startsWith(`${VERSION}.${await this.ring.current.id()}.`);
  }

  private async decryptLegacy(stored: string): Promise<string> {
    const bytes = fromBase64(stored);
    for (const key of this.ring.all) {
      try {
        const plain = await crypto.subtle.decrypt({ name: "AES-GCM", iv: bytes.slice(0, 12) }, await key.legacyAesKey(), bytes.slice(12));
        return new TextDecoder().decode(plain);
      } catch {
        // Not this key: try the next one.
      }
    }
    throw new Error("token could not be decrypted with any key in the ring");
  }
}

/** The cipher for this Worker's key ring. */
export const tokenCipher = (env: Pick<Env, "TOKEN_ENCRYPTION_KEY" | "TOKEN_ENCRYPTION_KEY_PREVIOUS">) =>
  new TokenCipher(KeyRing.fromEnv(env));
