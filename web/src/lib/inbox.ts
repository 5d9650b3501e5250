// The notification centre's state, one per tab: the latest notifications and the unread count, shared by the
// header's bell and the /notifications page (a mark-read on the page updates the bell at once). Refreshed when the
// tab regains focus, when the live socket says notifications were written (or a post changed), and by a slow poll;
// never more than one request at a time.
import { useEffect, useState } from "preact/hooks";
import { type AppNotification, api, type NotificationList } from "../api.ts";
import { live } from "./live.ts";
import { showToast } from "./toasts.ts";
import { usePolling } from "./use-polling.ts";

/** The poll is only the fallback for a tab whose live socket is down (the dispatcher announces new notifications). */
const POLL_MS = 60_000;
/** A burst of live messages (a bulk move, an import) is one refresh. */
const LIVE_DEBOUNCE_MS = 1_000;

type Listener = (state: NotificationList | null) => void;
let state: NotificationList | null = null;
let inFlight: Promise<void> | null = null;
const listeners = new Set<Listener>();

function publish(next: NotificationList) {
  state = next;
  for (const listener of listeners) listener(state);
}

/** Bumped by every mark-read answer: a list fetched before it is older than it, and is dropped. */
let generation = 0;

/** Fetches the list (one request at a time: a refresh asked for during one shares it). */
export function refreshInbox(): Promise<void> {
  if (inFlight) return inFlight;
  const asked = generation;
  const request: Promise<void> = api
    .notifications()
    .then(
      (list) => {
        if (asked === generation) publish(list);
      },
      (error: unknown) => console.warn("notifications not refreshed", error),
    )
    .finally(() => {
      if (inFlight === request) inFlight = null;
    });
  inFlight = request;
  return request;
}

/** Marks notifications read (`"all"` or some ids) and shows the server's list after it. */
export async function markRead(ids: string[] | "all"): Promise<void> {
  if (state) {
    // At once, before the answer: the bell must not lag behind the click.
    const now = new Date().toISOString();
    const marked = (n: AppNotification) => ids === "all" || ids.includes(n.id);
    const notifications = state.notifications.map((n) => (marked(n) && !n.readAt ? { ...n, readAt: now } : n));
    publish({ notifications, unread: notifications.filter((n) => !n.readAt).length });
  }
  try {
    const after = await api.markNotificationsRead(ids === "all" ? { all: true } : { ids });
    // A refresh still on its way was asked before this answer: it would bring back the unread count.
    generation += 1;
    inFlight = null;
    publish(after);
  } catch (error) {
    showToast({ kind: "error", text: error instanceof Error ? error.message : String(error) });
    void refreshInbox();
  }
}

export const isUnread = (n: AppNotification) => n.readAt === null;

/** A notification's link (an absolute URL of this app) as the in-app path to route to. */
export function inAppPath(link: string | null): string | null {
  if (!link) return null;
  try {
    const url = new URL(link, window.location.href);
    return url.pathname + url.search + url.hash;
  } catch {
    return null;
  }
}

/** The shared state; the one component that calls it with `keepFresh` (the bell) runs the refreshes. */
export function useInbox(keepFresh = false): NotificationList | null {
  const [current, setCurrent] = useState(state);
  useEffect(() => {
    listeners.add(setCurrent);
    setCurrent(state);
    return () => void listeners.delete(setCurrent);
  }, []);
  usePolling(refreshInbox, POLL_MS, keepFresh);
  useEffect(() => {
    if (!keepFresh) return;
    let timer: number | undefined;
    const onFocus = () => void refreshInbox();
    window.addEventListener("focus", onFocus);
    // The tab's one live socket (live.ts): a post that moved may have brought an alert.
    const unsubscribe = live.subscribe(() => {
      window.clearTimeout(timer);
      timer = window.setTimeout(onFocus, LIVE_DEBOUNCE_MS);
    });
    // And the dispatcher says so once the alerts are written: the bell counts them within moments.
    const unnotice = live.onNotifications(onFocus);
    return () => {
      window.removeEventListener("focus", onFocus);
      unsubscribe();
      unnotice();
      window.clearTimeout(timer);
      state = null; // signed out: the next person's bell starts empty, not with this one's count
    };
  }, [keepFresh]);
  return current;
}
