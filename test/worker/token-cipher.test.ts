// TikTok tokens at rest (reliability-security.md "TikTok tokens at rest"): AES-256-GCM bound to its row and kind,
// the key id in every value, keys per purpose (HKDF), ciphertexts from before the key ring still readable, and a
// rotation drill: after re-encryption every row decrypts with the new key alone.
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { countStaleTokens, reencryptTokens } from "../../src/accounts/key-rotation";
import { database } from "../../src/db/client";
import { hmacSha256Hex } from "../../src/shared/crypto";
import { KeyRing } from "../../src/shared/keyring";
import { TokenCipher } from "../../src/shared/token-cipher";
import { signedMediaUrl, verifyMediaSignature } from "../../src/videos/media-url";
import { TEST_SECRETS } from "../secrets";
import { connectAccount, rows, signedUpClient } from "./helpers";

const OLD = TEST_SECRETS.TOKEN_ENCRYPTION_KEY;
const NEW = btoa(String.fromCharCode(...Array.from({ length: 32 }, (_, i) => 255 - i)));

/** What the pre-key-ring TokenCipher wrote: base64(iv || AES-GCM(raw master key, no AAD)). */
async function legacyEncrypt(base64Key: string, plain: string) {
  const key = await crypto.subtle.importKey(
    "raw",
    Uint8Array.from(atob(base64Key), (c) => c.charCodeAt(0)),
    "AES-GCM",
    false,
    ["encrypt"],
  );
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const sealed = new Uint8Array(await crypto.subtle.encrypt({ name: "AES-GCM", iv }, key, new TextEncoder().encode(plain)));
  return btoa(String.fromCharCode(...iv, ...sealed));
}

describe("the token cipher", () => {
  it("names its key in every value and refuses a ciphertext moved to another account or kind", async () => {
    const cipher = new TokenCipher(OLD);
    const sealed = await cipher.encrypt("act.secret", { accountId: "acc_a", kind: "access" });
    expect(sealed).toMatch(new RegExp(`^v2\\.${await cipher.ring.current.id()}\\.[A-Za-z0-9_-]+$`));
    expect(await cipher.decrypt(sealed, { accountId: "acc_a", kind: "access" })).toBe("act.secret");
    await expect(cipher.decrypt(sealed, { accountId: "acc_b", kind: "access" })).rejects.toThrow();
    await expect(cipher.decrypt(sealed, { accountId: "acc_a", kind: "refresh" })).rejects.toThrow();
    await expect(new TokenCipher(NEW).decrypt(sealed, { accountId: "acc_a", kind: "access" })).rejects.toThrow(/not in the key ring/);
  });

  it("uses a fresh IV for every value (100,000 encryptions, no repeat)", async () => {
    const cipher = new TokenCipher(OLD);
    const ivs = new Set<string>();
    for (let i = 0; i < 100_000; i++) ivs.add((await cipher.encrypt("x", { accountId: "a", kind: "access" })).split(".")[2]!.slice(0, 16));
    expect(ivs.size).toBe(100_000);
  });

  it("still reads values written before the key ring (no AAD, raw key), under the current or the previous key", async () => {
    const legacy = await legacyEncrypt(OLD, "rft.legacy");
    expect(await new TokenCipher(OLD).decrypt(legacy, { accountId: "any", kind: "refresh" })).toBe("rft.legacy");
    expect(await new TokenCipher(new KeyRing(NEW, OLD)).decrypt(legacy, { accountId: "any", kind: "refresh" })).toBe("rft.legacy");
    expect(await new TokenCipher(OLD).isCurrent(legacy)).toBe(false);
  });

  it("derives a separate key per purpose: the media-URL signature is not keyed with the master key", async () => {
    const url = new URL(await signedMediaUrl({ ...env, MEDIA_BASE_URL: "https://media.example" }, "vid_1", 1_000));
    const [exp, sig] = [url.searchParams.get("exp")!, url.searchParams.get("sig")!];
    expect(await verifyMediaSignature(env, "vid_1", exp, sig, 1_000)).toBe(true);
    const oldScheme = await hmacSha256Hex(OLD, `media-url:v1:vid_1:${exp}`);
    expect(await verifyMediaSignature(env, "vid_1", exp, oldScheme, 1_000)).toBe(false);
    // Links signed before a rotation stay valid while the previous key is in the ring, and not after.
    expect(
      await verifyMediaSignature({ ...env, TOKEN_ENCRYPTION_KEY: NEW, TOKEN_ENCRYPTION_KEY_PREVIOUS: OLD }, "vid_1", exp, sig, 1_000),
    ).toBe(true);
    expect(await verifyMediaSignature({ ...env, TOKEN_ENCRYPTION_KEY: NEW }, "vid_1", exp, sig, 1_000)).toBe(false);
  });
});

async function rotateAll(cipher: TokenCipher) {
  const db = database(env.DB);
  for (let pass = 0; pass < 1_000; pass++) if ((await reencryptTokens(db, cipher)).rewritten === 0) return;
}

describe("rotating the key (the rotation drill)", () => {
  it("re-encrypts every account under the new key, legacy values included; the old key can then go", async () => {
    const client = await signedUpClient();
    const a = await connectAccount(client);
    const b = await connectAccount(client);
    const [before] = await rows<{ access_token_enc: string; refresh_token_enc: string }>(
      "SELECT * FROM tiktok_accounts WHERE id = ?",
      a.accountId,
    );
    const current = new TokenCipher(OLD);
    const plain = {
      access: await current.decrypt(before!.access_token_enc, { accountId: a.accountId, kind: "access" }),
      refresh: await current.decrypt(before!.refresh_token_enc, { accountId: a.accountId, kind: "refresh" }),
    };
    // Account b still holds a value from before the key ring.
    await env.DB.prepare("UPDATE tiktok_accounts SET refresh_token_enc = ? WHERE id = ?")
      .bind(await legacyEncrypt(OLD, "rft.from-before"), b.accountId)
      .run();

    const rotating = new TokenCipher(new KeyRing(NEW, OLD));
    expect(await countStaleTokens(database(env.DB), rotating)).toBeGreaterThanOrEqual(2);
    await rotateAll(rotating);
    expect(await countStaleTokens(database(env.DB), rotating)).toBe(0);

    const newOnly = new TokenCipher(NEW);
    const after = await rows<{ id: string; access_token_enc: string; refresh_token_enc: string }>(
      "SELECT * FROM tiktok_accounts WHERE id IN (?, ?)",
      a.accountId,
      b.accountId,
    );
    for (const row of after) {
      expect(row.access_token_enc.startsWith(`v2.${await newOnly.ring.current.id()}.`)).toBe(true);
      await newOnly.decrypt(row.access_token_enc, { accountId: row.id, kind: "access" });
    }
    const rowA = after.find((r) => r.id === a.accountId)!;
    expect(await newOnly.decrypt(rowA.access_token_enc, { accountId: a.accountId, kind: "access" })).toBe(plain.access);
    expect(await newOnly.decrypt(rowA.refresh_token_enc, { accountId: a.accountId, kind: "refresh" })).toBe(plain.refresh);
    const rowB = after.find((r) => r.id === b.accountId)!;
    expect(await newOnly.decrypt(rowB.refresh_token_enc, { accountId: b.accountId, kind: "refresh" })).toBe("rft.from-before");

    // Rotate back so the rest of the suite (whose Worker holds the test key) can read every account again.
    await rotateAll(new TokenCipher(new KeyRing(OLD, NEW)));
    expect(await countStaleTokens(database(env.DB), new TokenCipher(OLD))).toBe(0);
  });
});
