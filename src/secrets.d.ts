// Secrets are not in wrangler.toml, so `wrangler types` cannot see them. They are merged into the generated
// base interface, which both the global `Env` and `Cloudflare.Env` extend.
interface __BaseEnv_Env {
  TIKTOK_CLIENT_KEY: string;
  TIKTOK_CLIENT_SECRET: string;
  /** 32 random bytes, base64: the AES-GCM key for tokens at rest (and the media-URL signing key). */
  TOKEN_ENCRYPTION_KEY: string;
}
