// Secrets are not in wrangler.toml, so `wrangler types` cannot see them. They are merged into the generated
// base interface, which both the global `Env` and `Cloudflare.Env` extend.
interface __BaseEnv_Env {
  TIKTOK_CLIENT_KEY: string;
  TIKTOK_CLIENT_SECRET: string;
  /**
   * 32 random bytes, base64: the master key. Separate keys are derived from it per purpose (HKDF): tokens at rest,
   * media-URL signatures, OAuth states (src/shared/keyring.ts).
   */
  TOKEN_ENCRYPTION_KEY: string;
  /** During a rotation only: the key being retired (still decrypts, never encrypts). See `npm run rotate-keys`. */
  TOKEN_ENCRYPTION_KEY_PREVIOUS?: string;
  /** Alerts by email through a Resend-style HTTP API (src/alerts/email.ts); unset = the development outbox. */
  EMAIL_API_KEY?: string;
}
