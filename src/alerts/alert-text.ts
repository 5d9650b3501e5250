// What an alert says: what happened, to which post (or account), the one thing to do, and a link to it in the app.
import type { EventBody } from "../events/payload";
import type { Alert } from "./alert-kinds";

type PostData = {
  id: string;
  caption: string;
  scheduledAt: string;
  tiktokUrl: string | null;
  lastError: { message: string } | null;
  warning: string | null;
};
type AccountData = { id: string; username: string | null; displayName: string; statusReason: string | null };

export type AlertText = { title: string; text: string; link: string };

const quote = (caption: string) => (caption.length > 60 ? `“${caption.slice(0, 57)}…”` : `“${caption || "(no caption)"}”`);

export function alertText(alert: Alert, event: EventBody, appUrl: string): AlertText {
  const post = event.data.post as PostData | undefined;
  const account = event.data.account as AccountData | undefined;
  const origin = appUrl.replace(/\/$/, "");
  if (account) {
    const who = account.username ? `@${account.username}` : account.displayName;
    return {
      title: `${who} needs reconnecting`,
      text: `TikTok no longer accepts Postflare's connection to ${who}: its scheduled posts cannot go out. To do: reconnect the account in Postflare.`,
      link: `${origin}/accounts?account=${account.id}`,
    };
  }
  const what = post ? `Your post ${quote(post.caption)} (due ${post.scheduledAt})` : "A post";
  const link = `${origin}/posts?post=${post?.id ?? ""}`;
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
  };
  const [title, text] = lines[alert];
  return { title, text, link };
}
