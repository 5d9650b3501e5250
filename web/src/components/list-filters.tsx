// The posts list's filters: account, status, date range (in the workspace's zone) and a caption search.
import { useEffect, useState } from "preact/hooks";
import type { Account } from "../api.ts";
import { t } from "../i18n/index.ts";
import { statusLabel } from "../lib/format.ts";
import { type ListFilters, type ListTab, TAB_STATUSES } from "../lib/post-queries.ts";

const SEARCH_DEBOUNCE_MS = 300;

export function ListFiltersForm(props: {
  tab: ListTab;
  filters: ListFilters;
  accounts: Account[];
  onChange: (f: Partial<ListFilters>) => void;
}) {
  const { tab, filters, accounts, onChange } = props;
  const [q, setQ] = useState(filters.q);
  useEffect(() => setQ(filters.q), [filters.q]);
  useEffect(() => {
    if (q === filters.q) return;
    const timer = window.setTimeout(() => onChange({ q }), SEARCH_DEBOUNCE_MS);
    return () => window.clearTimeout(timer);
  }, [q]);
  const statuses = TAB_STATUSES[tab];
  return (
    <search class="filters" aria-label={t("list.filters")}>
      <label class="field field-inline grow">
        <span>{t("list.search")}</span>
        <input
          type="search"
          value={q}
          data-testid="list-search"
          placeholder={t("list.searchPlaceholder")}
          onInput={(e) => setQ(e.currentTarget.value)}
        />
      </label>
      <label class="field field-inline">
        <span>{t("field.account")}</span>
        <select value={filters.account} data-testid="list-account" onChange={(e) => onChange({ account: e.currentTarget.value })}>
          <option value="">{t("list.allAccounts")}</option>
          {accounts.map((a) => (
            <option key={a.id} value={a.id}>
              {a.username ? `@${a.username}` : a.displayName}
            </option>
          ))}
        </select>
      </label>
      {statuses.length > 0 && (
        <label class="field field-inline">
          <span>{t("list.status")}</span>
          <select value={filters.status} data-testid="list-status" onChange={(e) => onChange({ status: e.currentTarget.value })}>
            <option value="">{t("list.allStatuses")}</option>
            {statuses.map((s) => (
              <option key={s} value={s}>
                {statusLabel(s)}
              </option>
            ))}
          </select>
        </label>
      )}
      {tab !== "drafts" && (
        <>
          <label class="field field-inline">
            <span>{t("list.from")}</span>
            <input type="date" value={filters.from} data-testid="list-from" onChange={(e) => onChange({ from: e.currentTarget.value })} />
          </label>
          <label class="field field-inline">
            <span>{t("list.to")}</span>
            <input type="date" value={filters.to} data-testid="list-to" onChange={(e) => onChange({ to: e.currentTarget.value })} />
          </label>
        </>
      )}
    </search>
  );
}
