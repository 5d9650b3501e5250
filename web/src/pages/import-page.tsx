// CSV import (/posts/import, editors and up): pick a file, preview every row with its errors, choose the valid rows
// (all of them at first), import them in one go. The server takes all the chosen rows or none.
import { api } from "../api.ts";
import { ImportDone } from "../components/import/import-done.tsx";
import { ImportTable } from "../components/import/import-table.tsx";
import { FormError, Link, Notice, PageHead } from "../components/ui.tsx";
import { t } from "../i18n/index.ts";
import { CSV_MAX_CHARS } from "../lib/csv-import.ts";
import { useCsvImport } from "../lib/use-csv-import.ts";

export function ImportPage() {
  const { file, csv, preview, chosen, busy, error, refused, done, inputKey, pick, runPreview, confirm, choose, clearDone } = useCsvImport();
  return (
    <section data-testid="import-page">
      <PageHead title={t("csvImport.title")} sub={t("csvImport.sub")}>
        <a class="button button-secondary" href={api.importTemplateUrl} download data-testid="import-template">
          {t("csvImport.template")}
        </a>
      </PageHead>
      {done && <ImportDone result={done} onClose={clearDone} />}
      <form
        class="card import-pick"
        onSubmit={(e) => {
          e.preventDefault();
          if (csv !== null) void runPreview(csv);
        }}
      >
        <label class="field">
          <span>{t("csvImport.file")}</span>
          <input key={inputKey} type="file" accept=".csv,text/csv" data-testid="import-file" onChange={(e) => void pick(e.currentTarget)} />
        </label>
        <p class="muted small">{t("csvImport.fileHint", { max: CSV_MAX_CHARS })}</p>
        {file && "problem" in file && <Notice kind="error">{file.problem}</Notice>}
        <button type="submit" disabled={csv === null || busy} data-testid="import-preview">
          {busy && !preview ? t("common.wait") : t("csvImport.preview")}
        </button>
      </form>
      {refused && (
        <Notice kind="error" testId="import-refused">
          {t("csvImport.refused")}
        </Notice>
      )}
      {!refused && <FormError error={error} />}
      {preview && (
        <section class="list-section import-preview" aria-labelledby="import-summary" data-testid="import-preview-section">
          <h2 id="import-summary" data-testid="import-summary">
            {t("csvImport.summary", { valid: preview.valid, invalid: preview.invalid })}
          </h2>
          <ImportTable rows={preview.rows} chosen={chosen} onChoose={choose} />
          <div class="action-row">
            <button type="button" disabled={busy || chosen.size === 0} data-testid="import-confirm" onClick={() => void confirm()}>
              {busy ? t("csvImport.importing") : t("csvImport.import", { count: chosen.size })}
            </button>
            <Link href="/posts" class="button button-ghost">
              {t("csvImport.cancel")}
            </Link>
          </div>
        </section>
      )}
    </section>
  );
}
