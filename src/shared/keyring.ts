// The key ring: the current master key (TOKEN_ENCRYPTION_KEY) and, during a rotation, the previous one. Each
// purpose gets its own key derived with HKDF-SHA256, so the token cipher, the media-URL signatures and the OAuth
// state signatures never share key material. A key id (derived too) travels with every ciphertext.

const encoder = new TextEncoder();
const SALT = encoder.encode("postflare/keyring/v1");

export type Purpose = "tokens-at-rest" | "media-url" | "oauth-state";

export function fromBase64(text: string): Uint8Array<ArrayBuffer> {
  const binary = atob(text.replaceAll("-", "+").replaceAll("_", "/"));
  return Uint8Array.from(binary, (c) => c.charCodeAt(0));
}

function masterBytes(base64Key: string): Uint8Array<ArrayBuffer> {
  const raw = fromBase64(base64Key.trim());
  if (raw.byteLength !== 32) throw new Error("TOKEN_ENCRYPTION_KEY must be 32 bytes, base64-encoded");
  return raw;
}

async function hkdfBits(master: Uint8Array<ArrayBuffer>, info: string, bits: number) {
  const base = await crypto.subtle.importKey("raw", master, "HKDF", false, ["deriveBits"]);
  return new Uint8Array(
    await crypto.subtle.deriveBits({ name: "HKDF", hash: "SHA-256", salt: SALT, info: encoder.encode(info) }, base, bits),
  );
}

/** One master key and what derives from it. */
export class MasterKey {
  readonly raw: Uint8Array<ArrayBuffer>;
  private readonly cache = new Map<string, Promise<CryptoKey>>();
  private idPromise: Promise<string> | null = null;

  constructor(base64Key: string) {
    this.raw = masterBytes(base64Key);
  }

  /** 8 hex characters naming this key (not secret: derived one-way, with its own HKDF info). */
  id(): Promise<string> {
    this.idPromise ??= hkdfBits(this.raw, "key-id", 32).then((b) => [...b].map((x) => x.toString(16).padStart(2, "0")).join(""));
    return this.idPromise;
  }

  /** AES-256-GCM key for tokens at rest. */
  aesKey(): Promise<CryptoKey> {
    return this.derived("tokens-at-rest", async (bits) => crypto.subtle.importKey("raw", bits, "AES-GCM", false, ["encrypt", "decrypt"]));
  }

  /** HMAC-SHA256 key for signatures of one purpose. */
  hmacKey(purpose: Exclude<Purpose, "tokens-at-rest">): Promise<CryptoKey> {
    return this.derived(purpose, async (bits) =>
      crypto.subtle.importKey("raw", bits, { name: "HMAC", hash: "SHA-256" }, false, ["sign", "verify"]),
    );
  }

  /** The raw master as an AES key: only to read ciphertexts written before the key ring existed. */
  legacyAesKey(): Promise<CryptoKey> {
    return this.derived("legacy", async () => crypto.subtle.importKey("raw", this.raw, "AES-GCM", false, ["decrypt"]));
  }

  private derived(info: string, make: (bits: Uint8Array<ArrayBuffer>) => Promise<CryptoKey>) {
    let key = this.cache.get(info);
    if (!key) {
      key = info === "legacy" ? make(this.raw) : hkdfBits(this.raw, info, 256).then(make);
      this.cache.set(info, key);
    }
    return key;
  }
}

/** Current key first, then the previous one (if a rotation is under way). */
export class KeyRing {
  readonly current: MasterKey;
  readonly previous: MasterKey | null;

  constructor(current: string, previous?: string | null) {
    this.current = new MasterKey(current);
    this.previous = previous?.trim() ? new MasterKey(previous) : null;
  }

  static fromEnv(env: { TOKEN_ENCRYPTION_KEY: string; TOKEN_ENCRYPTION_KEY_PREVIOUS?: string }) {
    return new KeyRing(env.TOKEN_ENCRYPTION_KEY, env.TOKEN_ENCRYPTION_KEY_PREVIOUS);
  }

  get all(): MasterKey[] {
    return this.previous ? [this.current, this.previous] : [this.current];
  }

  async byId(id: string): Promise<MasterKey | null> {
    for (const key of this.all) if ((await key.id()) === id) return key;
    return null;
  }

  /** Signs `message` with the current key of `purpose` (hex). */
  async sign(purpose: Exclude<Purpose, "tokens-at-rest">, message: string): Promise<string> {
    return hex(await crypto.subtle.sign("HMAC", await this.current.hmacKey(purpose), encoder.encode(message)));
  }

  /** Verifies a hex signature against every key in the ring (a signature made before a rotation stays valid). */
  async verify(purpose: Exclude<Purpose, "tokens-at-rest">, message: string, signatureHex: string): Promise<boolean> {
    if (!/^[0-9a-f]{64}$/.test(signatureHex)) return false;
    const signature = Uint8Array.from(signatureHex.match(/../g)!, (b) => Number.parseInt(b, 16));
    for (const key of this.all) {
      // HMAC verify compares in constant time.
      if (await crypto.subtle.verify("HMAC", await key.hmacKey(purpose), signature, encoder.encode(message))) return true;
    }
    return false;
  }
}

const hex = (bytes: ArrayBuffer) => [...new Uint8Array(bytes)].map((b) => b.toString(16).padStart(2, "0")).join("");
