// Bulk moves on the selected posts: cancel them (after a confirmation) or move them all by the same amount; the
// API answers post by post, and the bar says how many moved and why the others did not.
import { useState } from "preact/hooks";
import { api, messageOf } from "../api.ts";
import { type MessageKey, t } from "../i18n/index.ts";
import { showToast } from "../lib/toasts.ts";
import { ConfirmDialog } from "./confirm-dialog.tsx";

const SHIFTS: { minutes: number; label: MessageKey }[] = [
  { minutes: 60, label: "bulk.later1h" },
  { minutes: 24 * 60, label: "bulk.later1d" },
  { minutes: 7 * 24 * 60, label: "bulk.later1w" },
  { minutes: -60, label: "bulk.earlier1h" },
  { minutes: -24 * 60, label: "bulk.earlier1d" },
];

interface Props {
  selected: string[];
  all: string[];
  onSelectAll: (on: boolean) => void;
  onDone: () => void;
}

export function BulkBar({ selected, all, onSelectAll, onDone }: Props) {
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  const [shift, setShift] = useState("1440");
  if (all.length === 0) return null;

  const run = async (action: Parameters<typeof api.bulk>[0]) => {
    setBusy(true);
    try {
      const { results } = await api.bulk(action);
      const failed = results.filter((r) => !r.ok);
      const done = results.length - failed.length;
      showToast({
        kind: failed.length ? "error" : "success",
        text: failed.length
          ? t("bulk.partial", { done, failed: failed.length, reason: failed[0]?.error?.message ?? "" })
          : t("bulk.done", { count: done }),
        timeoutMs: failed.length ? 10_000 : 6_000,
      });
      onDone();
    } catch (caught) {
      showToast({ kind: "error", text: messageOf(caught) });
    } finally {
      setBusy(false);
      setAsking(false);
    }
  };
  const none = selected.length === 0;
  return (
    <div class="bulk-bar" data-testid="bulk-bar">
      <label class="check-row">
        <input
          type="checkbox"
          checked={selected.length === all.length}
          data-testid="select-all"
          onChange={(e) => onSelectAll(e.currentTarget.checked)}
        />
        <span>{none ? t("bulk.selectAll") : t("bulk.selected", { count: selected.length })}</span>
      </label>
      <label class="field field-inline">
        <span class="sr-only">{t("bulk.moveBy")}</span>
        <select value={shift} disabled={none} data-testid="bulk-shift" onChange={(e) => setShift(e.currentTarget.value)}>
          {SHIFTS.map((s) => (
            <option key={s.minutes} value={String(s.minutes)}>
              {t(s.label)}
            </option>
          ))}
        </select>
      </label>
      <button
        type="button"
        class="button-secondary button-small"
        disabled={none || busy}
        data-testid="bulk-move"
        onClick={() => void run({ action: "reschedule", ids: selected, shiftMinutes: Number(shift) })}
      >
        {t("bulk.move")}
      </button>
      <button
        type="button"
        class="button-danger-ghost button-small"
        disabled={none || busy}
        data-testid="bulk-cancel"
        onClick={() => setAsking(true)}
      >
        {t("bulk.cancel")}
      </button>
      <ConfirmDialog
        open={asking}
        title={t("bulk.cancelTitle", { count: selected.length })}
        confirmLabel={t("cancel.confirm")}
        danger
        busy={busy}
        onConfirm={() => void run({ action: "cancel", ids: selected })}
        onClose={() => setAsking(false)}
      >
        <p>{t("bulk.cancelExplain")}</p>
      </ConfirmDialog>
    </div>
  );
}
