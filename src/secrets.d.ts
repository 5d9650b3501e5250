// Secrets are not in wrangler.toml, so `wrangler types` cannot see them: declared here (global Env merges).
interface Env {
  TIKTOK_CLIENT_KEY: string;
  TIKTOK_CLIENT_SECRET: string;
  /** 32 random bytes, base64: the AES-GCM key for tokens at rest. */
  TOKEN_ENCRYPTION_KEY: string;
}
