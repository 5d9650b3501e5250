// Data a page shows, kept true: fetched once, refetched when a live message concerns it (debounced), refetched when
// the socket reconnects, and polled only while the socket is down (the fallback) and the tab is visible.
import { useEffect, useRef, useState } from "preact/hooks";
import type { LiveMessage } from "../api.ts";
import { live } from "./live.ts";

/** How often a page polls while its live socket is down. */
export const FALLBACK_POLL_MS = 3_000;
const DEBOUNCE_MS = 60;

export interface LiveData<T> {
  data: T | null;
  error: unknown;
  reload: () => void;
  /** Replace the data locally (an action's answer) without waiting for the next fetch. */
  set: (data: T) => void;
}

/**
 * `concerns` says whether a live message is about this data (default: any post of the workspace); `patch` applies
 * the message's statuses at once, before the refetch brings the rest (so a status shows within moments).
 */
export function useLiveData<T>(
  load: () => Promise<T>,
  deps: unknown[],
  concerns: (m: LiveMessage) => boolean = () => true,
  patch?: (data: T, m: LiveMessage) => T,
): LiveData<T> {
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<unknown>(null);
  const loadRef = useRef(load);
  loadRef.current = load;
  const concernsRef = useRef(concerns);
  concernsRef.current = concerns;
  const patchRef = useRef(patch);
  patchRef.current = patch;
  const run = useRef<() => void>(() => undefined);

  useEffect(() => {
    let stopped = false;
    let ticket = 0;
    let debounce: number | undefined;
    let poll: number | undefined;
    const fetchNow = async () => {
      const mine = ++ticket;
      try {
        const value = await loadRef.current();
        if (!stopped && mine === ticket) {
          setData(value);
          setError(null);
        }
      } catch (caught) {
        if (!stopped && mine === ticket) setError(caught);
      }
    };
    const soon = () => {
      window.clearTimeout(debounce);
      debounce = window.setTimeout(fetchNow, DEBOUNCE_MS);
    };
    const schedulePoll = () => {
      window.clearInterval(poll);
      if (!live.open) poll = window.setInterval(() => document.visibilityState === "visible" && void fetchNow(), FALLBACK_POLL_MS);
    };
    run.current = () => void fetchNow();
    void fetchNow();
    schedulePoll();
    const unsubscribe = live.subscribe((message) => {
      if (!concernsRef.current(message)) return;
      const apply = patchRef.current;
      if (apply) setData((current) => (current === null ? current : apply(current, message)));
      soon();
    });
    const unwatch = live.onStatus((open) => {
      schedulePoll();
      if (open) soon(); // what changed while we were away
    });
    const onVisible = () => document.visibilityState === "visible" && !live.open && soon();
    document.addEventListener("visibilitychange", onVisible);
    return () => {
      stopped = true;
      window.clearTimeout(debounce);
      window.clearInterval(poll);
      unsubscribe();
      unwatch();
      document.removeEventListener("visibilitychange", onVisible);
    };
    // The caller lists what the load depends on (deps).
  }, deps);

  return { data, error, reload: () => run.current(), set: setData };
}

/** Posts with the statuses a live message carries (the rest of each post arrives with the refetch). */
export function withLiveStatuses<P extends { id: string; status: string; version: number; updatedAt: string }>(
  posts: P[],
  m: LiveMessage,
): P[] {
  const moved = new Map(m.posts.map((p) => [p.id, p]));
  return posts.map((post) => {
    const live = moved.get(post.id);
    if (!live || (live.version !== null && live.version < post.version)) return post;
    return { ...post, status: live.status, version: live.version ?? post.version, updatedAt: live.updatedAt };
  });
}
