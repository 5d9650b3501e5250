declare namespace Cloudflare {
  interface Env {
    TEST_MIGRATIONS: import("cloudflare:test").D1Migration[];
  }
}
declare module "cloudflare:test" {
  interface ProvidedEnv extends Env {}
}
