// Password hashing with PBKDF2-SHA256. Cloudflare caps PBKDF2 at 100,000 iterations in production
// (local workerd does not), so the count is fixed here and asserted in a test.
import { constantTimeEqual, toBase64Url } from "./crypto";

export const PBKDF2_ITERATIONS = 100_000;
const encoder = new TextEncoder();

async function derive(password: string, salt: Uint8Array, iterations: number): Promise<string> {
  const key = await crypto.subtle.importKey("raw", encoder.encode(password), "PBKDF2", false, ["deriveBits"]);
  const bits = await crypto.subtle.deriveBits({ name: "PBKDF2", hash: "SHA-256", salt, iterations }, key, 256);
  return toBase64Url(new Uint8Array(bits));
}

export async function hashPassword(password: string): Promise<string> {
  const salt = crypto.getRandomValues(new Uint8Array(16));
  return `pbkdf2$${PBKDF2_ITERATIONS}$${toBase64Url(salt)}$${await derive(password, salt, PBKDF2_ITERATIONS)}`;
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, iterations, saltText, expected] = stored.split("$");
  if (scheme !== "pbkdf2" || !iterations || !saltText || !expected) return false;
  const salt = Uint8Array.from(atob(saltText.replaceAll("-", "+").replaceAll("_", "/")), (c) => c.charCodeAt(0));
  return constantTimeEqual(await derive(password, salt, Number(iterations)), expected);
}
