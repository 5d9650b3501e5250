// Identifiers: crypto-random secrets, TikTok-shaped log ids and post ids, process-unique serials, stable open_ids.
import { createHash, randomBytes, timingSafeEqual } from "node:crypto";

export const randomToken = (bytes = 24) => randomBytes(bytes).toString("base64url");

/** TikTok log ids look like `202210112248442CB9319E1FB30C1073F3`: UTC yyyyMMddHHmmss + 20 hex. */
export function logId(now = new Date()): string {
  const stamp = now.toISOString().replace(/[-:T]/g, "").slice(0, 14);
  return stamp + randomBytes(10).toString("hex").toUpperCase();
}

function uuidFromHash(input: string): string {
  const h = createHash("sha256").update(input).digest("hex");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
}

/** open_id is stable per user × app (§1.3), so it derives from both; it survives /__emu/reset. */
export const openIdFor = (clientKey: string, username: string) => uuidFromHash(`open:${clientKey}:${username}`);
/** union_id is stable per user across a developer's apps. */
export const unionIdFor = (username: string) => uuidFromHash(`union:${username}`);

/** Constant-time string comparison for secrets. */
export function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

// Numeric ids never repeat within a process (not even across /__emu/reset), so a client holding
// an id from an earlier test can never see it re-issued for a different upload.
let serial = 0n;
const serialBase = BigInt(Date.now()) * 1000n;
export const nextSerial = () => (serialBase + ++serial).toString();

/** A 19-digit post id like TikTok's (`7311111111111111111`), or a 16-digit one below 2^53. */
export function postIdDigits(safe: boolean): string {
  const n = randomBytes(8).readBigUInt64BE();
  if (safe) return (1_000_000_000_000_000n + (n % 8_000_000_000_000_000n)).toString();
  return (7_000_000_000_000_000_000n + (n % 1_000_000_000_000_000_000n)).toString();
}
