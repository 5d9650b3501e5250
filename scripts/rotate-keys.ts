// `npm run rotate-keys`: rotates TOKEN_ENCRYPTION_KEY. The current key becomes TOKEN_ENCRYPTION_KEY_PREVIOUS (still
// decrypts, never encrypts), a fresh key becomes current, and the Worker's cron re-encrypts 50 accounts a minute
// (src/maintenance/maintenance.ts). Then `--status` counts what is left and `--finish` drops the previous key once
// nothing needs it. Locally it edits .dev.vars (restart `npm start`); with --remote it uses `wrangler secret`.
//   npm run rotate-keys [-- --remote]            start a rotation
//   npm run rotate-keys -- --status [--remote]   secrets still under the previous key (0 = done)
//   npm run rotate-keys -- --finish [--remote]   remove the previous key (refused while accounts still need it)
import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { MasterKey } from "../src/shared/keyring.ts";
import { parseEnvFile } from "./stack.ts";

const root = path.resolve(import.meta.dirname, "..");
const wrangler = path.join(root, "node_modules/wrangler/bin/wrangler.js");
const devVars = path.join(root, ".dev.vars");
const args = process.argv.slice(2);
const remote = args.includes("--remote");

function run(argv: string[], input?: string) {
  const result = spawnSync(process.execPath, [wrangler, ...argv], {
    cwd: root,
    input,
    encoding: "utf8",
    env: { ...process.env, WRANGLER_SEND_METRICS: "false" },
  });
  if (result.status !== 0) throw new Error(`wrangler ${argv.join(" ")} failed:\n${result.stderr || result.stdout}`);
  return result.stdout;
}

/** Rows still holding a secret not under the key with this id (what the cron still has to rewrite): TikTok accounts'
 * tokens, webhook signing secrets, Slack/Discord hook URLs. */
function staleCount(keyId: string) {
  const current = `'v2.${keyId}.%'`;
  const sql = `SELECT
    (SELECT count(*) FROM tiktok_accounts WHERE access_token_enc != '' AND NOT (access_token_enc LIKE ${current} AND refresh_token_enc LIKE ${current}))
    + (SELECT count(*) FROM webhook_endpoints WHERE secret NOT LIKE ${current})
    + (SELECT count(*) FROM alert_channels WHERE url NOT LIKE ${current}) AS n`;
  const out = run(["d1", "execute", "DB", remote ? "--remote" : "--local", "--json", "--command", sql]);
  return Number((JSON.parse(out) as { results: { n: number }[] }[])[0]!.results[0]!.n);
}

function setLocal(values: Record<string, string | null>) {
  let text = readFileSync(devVars, "utf8");
  for (const [key, value] of Object.entries(values)) {
    const line = new RegExp(`^${key}=.*$`, "m");
    if (value === null) text = text.replace(line, "").replace(/\n{3,}/g, "\n\n");
    else text = line.test(text) ? text.replace(line, `${key}=${value}`) : `${text.trimEnd()}\n${key}=${value}\n`;
  }
  writeFileSync(devVars, text, { mode: 0o600 });
}

async function currentKeyId() {
  if (remote) throw new Error("With --remote, pass the current key's id: --key-id <8 hex> (printed when the rotation started)");
  return new MasterKey(parseEnvFile(readFileSync(devVars, "utf8")).TOKEN_ENCRYPTION_KEY!).id();
}

async function start() {
  const fresh = randomBytes(32).toString("base64");
  const id = await new MasterKey(fresh).id();
  if (remote) {
    const old = process.env.TOKEN_ENCRYPTION_KEY;
    if (!old) throw new Error("Set TOKEN_ENCRYPTION_KEY to the production key in this shell (secrets cannot be read back from Cloudflare)");
    run(["secret", "put", "TOKEN_ENCRYPTION_KEY_PREVIOUS"], old);
    run(["secret", "put", "TOKEN_ENCRYPTION_KEY"], fresh);
  } else {
    const values = parseEnvFile(readFileSync(devVars, "utf8"));
    if (values.TOKEN_ENCRYPTION_KEY_PREVIOUS) throw new Error("A rotation is already under way: finish it first (--status, --finish)");
    setLocal({ TOKEN_ENCRYPTION_KEY_PREVIOUS: values.TOKEN_ENCRYPTION_KEY!, TOKEN_ENCRYPTION_KEY: fresh });
  }
  console.log(`New key ${id} is current; the previous key still decrypts.`);
  console.log(remote ? "The cron re-encrypts 50 accounts a minute." : "Restart `npm start`: its cron re-encrypts 50 accounts a minute.");
  console.log(`Then: npm run rotate-keys -- --status${remote ? ` --remote --key-id ${id}` : ""}, and --finish when it says 0.`);
}

const keyIdArg = () => {
  const i = args.indexOf("--key-id");
  return i >= 0 ? args[i + 1]! : currentKeyId();
};

if (args.includes("--status")) {
  console.log(`${staleCount(await keyIdArg())} secret(s) still to re-encrypt (accounts, webhook endpoints, alert channels)`);
} else if (args.includes("--finish")) {
  const left = staleCount(await keyIdArg());
  if (left > 0) throw new Error(`${left} secret(s) still need the previous key; wait for the cron (--status)`);
  if (remote) run(["secret", "delete", "TOKEN_ENCRYPTION_KEY_PREVIOUS"], "y\n");
  else setLocal({ TOKEN_ENCRYPTION_KEY_PREVIOUS: null });
  console.log("Rotation finished: the previous key is gone and every secret decrypts with the current one.");
} else {
  await start();
}
