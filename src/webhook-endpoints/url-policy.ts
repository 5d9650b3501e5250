// Which URLs Postflare will send to (webhook endpoints, Slack and Discord hooks): https to a public host. A plain
// http://localhost or 127.0.0.1 receiver is allowed only in development (APP_URL itself is a loopback http origin).
// Literal private, loopback, link-local and unique-local addresses and internal names are refused otherwise.
import { AppError } from "../shared/errors";

const LOOPBACK_HOSTS = new Set(["localhost", "127.0.0.1", "[::1]"]);

/** Is this app running locally (wrangler dev, tests)? */
export function isDevelopment(appUrl: string) {
  try {
    const url = new URL(appUrl);
    return url.protocol === "http:" && LOOPBACK_HOSTS.has(url.hostname);
  } catch {
    return false;
  }
}

function isPrivateIpv4(host: string) {
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(host);
  if (!m) return false;
  const [a, b] = [Number(m[1]), Number(m[2])];
  return (
    a === 0 ||
    a === 10 ||
    a === 127 ||
    (a === 169 && b === 254) ||
    (a === 172 && b >= 16 && b <= 31) ||
    (a === 192 && b === 168) ||
    (a === 100 && b >= 64 && b <= 127) ||
    a >= 224
  );
}

function isPrivateHost(host: string) {
  if (host.startsWith("[")) {
    const v6 = host.slice(1, -1).toLowerCase();
    return v6 === "::1" || v6 === "::" || /^f[cd]/.test(v6) || /^fe[89ab]/.test(v6) || v6.startsWith("::ffff:");
  }
  if (isPrivateIpv4(host)) return true;
  return host === "localhost" || /\.(localhost|local|internal|lan|home\.arpa)$/.test(host) || !host.includes(".");
}

/** The URL as it will be called, or a 400 saying why it is refused. */
export function checkOutgoingUrl(raw: string, appUrl: string, field = "url"): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw refused(field, "Not a valid URL");
  }
  if (url.username || url.password) throw refused(field, "The URL may not carry a user name or password");
  const devLoopback = isDevelopment(appUrl) && url.protocol === "http:" && LOOPBACK_HOSTS.has(url.hostname);
  if (devLoopback) return url.toString();
  if (url.protocol !== "https:") throw refused(field, "The URL must use https");
  if (isPrivateHost(url.hostname)) throw refused(field, "The URL must point to a public host, not a private or local address");
  return url.toString();
}

const refused = (path: string, message: string) => new AppError(400, "invalid_url", message, [{ path, message }]);
