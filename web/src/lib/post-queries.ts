// The posts list's views as API queries: upcoming (from the start of today, soonest first), what needs attention
// (failed, missed or unconfirmed in the last two weeks), past (before today, latest first), drafts.
import type { PostListQuery, PostStatus } from "../api.ts";
import { parseKey, startOfDay, todayKey } from "./calendar.ts";

export type ListTab = "upcoming" | "past" | "drafts";
export const LIST_TABS: ListTab[] = ["upcoming", "past", "drafts"];
export type ListFilters = { account: string; status: string; q: string; from: string; to: string };

const ATTENTION_DAYS = 14;
export const UPCOMING_STATUSES: PostStatus[] = ["scheduled", "queued", "publishing", "published", "sent_to_inbox"];
export const ATTENTION_STATUSES: PostStatus[] = ["failed", "missed", "unconfirmed"];
export const PAST_STATUSES: PostStatus[] = ["published", "sent_to_inbox", "failed", "missed", "unconfirmed", "cancelled"];

/** The statuses a tab's status filter offers. */
export const TAB_STATUSES: Record<ListTab, PostStatus[]> = {
  upcoming: [...UPCOMING_STATUSES, ...ATTENTION_STATUSES],
  past: PAST_STATUSES,
  drafts: [],
};

function common(f: ListFilters, zone: string): PostListQuery {
  const from = f.from && parseKey(f.from) ? new Date(startOfDay(parseKey(f.from)!, zone)).toISOString() : undefined;
  const toDay = f.to ? parseKey(f.to) : null;
  const to = toDay ? new Date(startOfDay(toDay, zone) + 86_400_000).toISOString() : undefined;
  return { account: f.account || undefined, q: f.q.trim() || undefined, from, to };
}

const only = (statuses: PostStatus[], picked: string) => (picked ? statuses.filter((s) => s === picked) : statuses);

/** The queries behind a tab (upcoming has two: the attention strip and the list). Null: nothing to ask. */
export function tabQueries(tab: ListTab, f: ListFilters, zone: string): { main: PostListQuery | null; attention: PostListQuery | null } {
  const base = common(f, zone);
  const today = new Date(startOfDay(parseKey(todayKey(zone))!, zone)).toISOString();
  if (tab === "drafts") return { main: { ...base, from: undefined, to: undefined, status: "draft" }, attention: null };
  if (tab === "past") {
    const statuses = only(PAST_STATUSES, f.status);
    return { main: statuses.length ? { ...base, to: base.to ?? today, status: statuses.join(","), order: "desc" } : null, attention: null };
  }
  const upcoming = only(UPCOMING_STATUSES, f.status);
  const attention = only(ATTENTION_STATUSES, f.status);
  const since = new Date(Date.now() - ATTENTION_DAYS * 86_400_000).toISOString();
  return {
    main: upcoming.length ? { ...base, from: base.from ?? today, status: upcoming.join(","), order: "asc" } : null,
    attention: attention.length ? { ...base, from: base.from ?? since, status: attention.join(","), order: "desc" } : null,
  };
}
