// The CSV preview: every row of the file with its key values and its errors in words, column by column; a checkbox
// on each valid row (invalid rows cannot be chosen). On a phone each row stacks into a card, labels beside values,
// so the errors are in view without scrolling sideways.
import type { ImportRow } from "../../api.ts";
import { t } from "../../i18n/index.ts";
import { columnLabel, modeCell, privacyCell } from "../../lib/csv-import.ts";
import { excerpt } from "../../lib/format.ts";

interface Props {
  rows: ImportRow[];
  chosen: Set<number>;
  onChoose: (rows: number[], on: boolean) => void;
}

export function ImportTable({ rows, chosen, onChoose }: Props) {
  const valid = rows.filter((r) => r.errors.length === 0).map((r) => r.row);
  const allChosen = valid.length > 0 && valid.every((n) => chosen.has(n));
  return (
    <>
      <label class="check-row import-all">
        <input
          type="checkbox"
          checked={allChosen}
          disabled={valid.length === 0}
          data-testid="import-choose-all"
          onChange={(e) => onChoose(valid, e.currentTarget.checked)}
        />
        <span>{t("csvImport.chooseAll")}</span>
      </label>
      <div class="table-scroll import-scroll">
        <table class="import-table" data-testid="import-table">
          <caption class="sr-only">{t("csvImport.tableCaption")}</caption>
          <thead>
            <tr>
              <th scope="col">
                <span class="sr-only">{t("csvImport.col.choose")}</span>
              </th>
              <th scope="col">{t("csvImport.col.row")}</th>
              <th scope="col">{t("csvImport.col.video")}</th>
              <th scope="col">{t("csvImport.col.caption")}</th>
              <th scope="col">{t("csvImport.col.when")}</th>
              <th scope="col">{t("csvImport.col.account")}</th>
              <th scope="col">{t("csvImport.col.privacy")}</th>
              <th scope="col">{t("csvImport.col.mode")}</th>
              <th scope="col">{t("csvImport.col.problems")}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <Row key={r.row} row={r} chosen={chosen.has(r.row)} onChoose={(on) => onChoose([r.row], on)} />
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}

function Row({ row: r, chosen, onChoose }: { row: ImportRow; chosen: boolean; onChoose: (on: boolean) => void }) {
  const ok = r.errors.length === 0;
  const v = (column: string) => r.values[column] ?? "";
  return (
    <tr class={ok ? "" : "import-bad"} data-testid="import-row" data-row={r.row} data-valid={ok}>
      <td class="import-choose">
        <input
          type="checkbox"
          checked={ok && chosen}
          disabled={!ok}
          aria-label={t(ok ? "csvImport.chooseRow" : "csvImport.cannotChoose", { row: r.row })}
          data-testid="import-choose"
          onChange={(e) => onChoose(e.currentTarget.checked)}
        />
      </td>
      <th scope="row" class="import-num">
        <span class="import-stacked">{t("csvImport.rowNumber", { row: r.row })}</span>
        <span class="import-wide">{r.row}</span>
      </th>
      <td class="import-video" data-label={t("csvImport.col.video")}>
        {v("video") || t("common.none")}
      </td>
      <td class="import-caption" data-label={t("csvImport.col.caption")}>
        {v("caption") ? excerpt(v("caption"), 60) : t("common.none")}
      </td>
      <td class="import-when" data-label={t("csvImport.col.when")}>
        <span>
          {v("date")} {v("time")}
          <span class="muted small block">{v("time_zone")}</span>
        </span>
      </td>
      <td data-label={t("csvImport.col.account")}>{v("account") || t("common.none")}</td>
      <td data-label={t("csvImport.col.privacy")}>{privacyCell(v("privacy"))}</td>
      <td data-label={t("csvImport.col.mode")}>{modeCell(v("mode"))}</td>
      <td class="import-problems" data-label={t("csvImport.col.problems")}>
        {ok ? (
          <span class="text-success">{t("csvImport.ready")}</span>
        ) : (
          <ul class="import-errors" data-testid="import-errors">
            {r.errors.map((e, i) => (
              <li key={i}>
                <strong>{columnLabel(e.column)}:</strong> {e.message}
              </li>
            ))}
          </ul>
        )}
      </td>
    </tr>
  );
}
