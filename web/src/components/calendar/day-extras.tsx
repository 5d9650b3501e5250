// What a calendar day or hour shows besides posts: free queue slots (compose into one) and TikTok's rolling 24 h
// direct-post count per account, with a warning at the cap.
import type { Account, SlotInstance } from "../../api.ts";
import { t } from "../../i18n/index.ts";
import { colourClass } from "../../lib/account-colors.ts";
import { DAILY_POST_CAP } from "../../lib/calendar.ts";
import { formatTime } from "../../lib/format.ts";
import { Link } from "../ui.tsx";

export function FreeSlot({ slot, accounts, zone }: { slot: SlotInstance; accounts: Account[]; zone: string }) {
  const account = accounts.find((a) => a.id === slot.accountId);
  const name = account?.username ? `@${account.username}` : (account?.displayName ?? "");
  const href = `/posts/new?at=${encodeURIComponent(slot.at)}&account=${encodeURIComponent(slot.accountId)}`;
  return (
    <Link href={href} class={`free-slot ${colourClass(accounts, slot.accountId)}`} testId="free-slot">
      <span aria-hidden="true">+ </span>
      {t("calendar.freeSlot", { time: formatTime(slot.at, zone), name })}
    </Link>
  );
}

export function CapCounts({
  counts,
  accounts,
  dayKey,
  min = 1,
}: {
  counts: Map<string, number>;
  accounts: Account[];
  dayKey: string;
  min?: number;
}) {
  const shown = accounts.flatMap((a) => {
    const n = counts.get(`${a.id}|${dayKey}`) ?? 0;
    return n >= min ? [{ account: a, n }] : [];
  });
  if (shown.length === 0) return null;
  return (
    <div class="caps">
      {shown.map(({ account, n }) => {
        const full = n >= DAILY_POST_CAP;
        const name = account.username ? `@${account.username}` : account.displayName;
        const text = t(full ? "calendar.capFull" : "calendar.capCount", { name, count: n, cap: DAILY_POST_CAP });
        return (
          <span
            key={account.id}
            class={`cap ${colourClass(accounts, account.id)} ${full ? "cap-full" : ""}`}
            title={text}
            data-testid="cap-count"
            data-count={n}
          >
            <span aria-hidden="true">
              {full ? "⚠ " : ""}
              {`${n}/${DAILY_POST_CAP}`}
            </span>
            <span class="sr-only">{text}</span>
          </span>
        );
      })}
    </div>
  );
}
