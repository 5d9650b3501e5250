// What an alert says: what happened, to which post (or account), the one thing to do, and a link to it in the app.
import type { EventBody } from "../events/payload";
import type { Alert } from "./alert-kinds";

type PostData = {
  id: string;
  caption: string;
  scheduledAt: string;
  timezone: string;
  tiktokUrl: string | null;
  lastError: { message: string } | null;
  warning: string | null;
};
type AccountData = { id: string; username: string | null; displayName: string; statusReason: string | null };

export type AlertText = { title: string; text: string; link: string };

/** The workspace's last 24 hours and next 24 hours (src/alerts/digest.ts builds it). */
export type DigestData = {
  day: string;
  timezone: string;
  published: number;
  failed: number;
  missed: number;
  unconfirmed: number;
  upcoming: number;
  needsReconnect: number;
};

/** "Wed 2 Dec, 14:30 Europe/Berlin": the time as the person scheduled it, in the post's own zone. */
function localTime(iso: string, zone: string) {
  const at = Date.parse(iso);
  try {
    const format = { timeZone: zone, weekday: "short", day: "numeric", month: "short", hour: "2-digit", minute: "2-digit" } as const;
    return `${new Intl.DateTimeFormat("en-GB", format).format(at)} ${zone}`;
  } catch {
    return iso; // a zone this runtime does not know: the exact instant still says when
  }
}

const quote = (caption: string) => (caption.length > 60 ? `“${caption.slice(0, 57)}…”` : `“${caption || "(no caption)"}”`);

export function alertText(alert: Alert, event: EventBody, appUrl: string): AlertText {
  const post = event.data.post as PostData | undefined;
  const account = event.data.account as AccountData | undefined;
  const origin = appUrl.replace(/\/$/, "");
  if (alert === "digest") return digestText(event.data.digest as DigestData, origin);
  if (account) {
    const who = account.username ? `@${account.username}` : account.displayName;
    return {
      title: `${who} needs reconnecting`,
      text: `TikTok no longer accepts Postflare's connection to ${who}: its scheduled posts cannot go out. To do: reconnect the account in Postflare.`,
      link: `${origin}/accounts/${account.id}`,
    };
  }
  const what = post ? `Your post ${quote(post.caption)} (due ${localTime(post.scheduledAt, post.timezone)})` : "A post";
  const link = post ? `${origin}/posts/${post.id}` : `${origin}/posts`;
  const lines: Record<Alert, [string, string]> = {
    failed: ["Post failed", `${what} failed: ${post?.lastError?.message ?? "TikTok refused it."} To do: fix that, then reschedule it.`],
    missed: ["Post missed", `${what} was not published: it waited past its late policy. To do: reschedule it or cancel it.`],
    unconfirmed: [
      "Post unconfirmed",
      `${what} may or may not be on TikTok: its answer could not be confirmed. To do: check the account on TikTok before rescheduling, so it is not posted twice.`,
    ],
    preflight_warning: [
      "Post at risk",
      `${what} may fail: ${post?.warning ?? "the pre-flight check found a problem."} To do: fix it before its time.`,
    ],
    published: ["Post published", `${what} is live${post?.tiktokUrl ? ` at ${post.tiktokUrl}` : ""}. Nothing to do.`],
    needs_reconnect: ["Account needs reconnecting", "Reconnect the account in Postflare."],
    digest: ["Daily digest", "Your day in Postflare."],
  };
  const [title, text] = lines[alert];
  return { title, text, link };
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

function digestText(d: DigestData, origin: string): AlertText {
  const problems = d.failed + d.missed + d.unconfirmed;
  const past = `Last 24 hours: ${d.published} published, ${d.failed} failed, ${d.missed} missed, ${d.unconfirmed} unconfirmed.`;
  const next = `Next 24 hours: ${plural(d.upcoming, "post")} scheduled.`;
  const todo =
    d.needsReconnect > 0
      ? `To do: reconnect ${plural(d.needsReconnect, "account")}, or their posts cannot go out.`
      : problems > 0
        ? `To do: look at the ${plural(problems, "post")} that did not go out and reschedule or cancel them.`
        : "Nothing to do.";
  const link = d.needsReconnect > 0 ? `${origin}/accounts` : problems > 0 ? `${origin}/posts` : `${origin}/calendar`;
  return { title: `Your Postflare day, ${d.day}`, text: `${past} ${next} ${todo}`, link };
}
