// CSV import (/posts/import, editors and up): pick a file, preview every row with its errors, choose the valid rows
// (all of them at first), import them in one go. The server takes all the chosen rows or none.
import { useState } from "preact/hooks";
import { ApiError, api, type ImportPreview, type ImportResult } from "../api.ts";
import { ImportDone } from "../components/import/import-done.tsx";
import { ImportTable } from "../components/import/import-table.tsx";
import { FormError, Link, Notice, PageHead } from "../components/ui.tsx";
import { t } from "../i18n/index.ts";
import { CSV_MAX_CHARS, type CsvFile, readCsvFile } from "../lib/csv-import.ts";

const validRows = (preview: ImportPreview) => preview.rows.filter((r) => r.errors.length === 0).map((r) => r.row);

export function ImportPage() {
  const [file, setFile] = useState<CsvFile | null>(null);
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [chosen, setChosen] = useState<Set<number>>(new Set());
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [refused, setRefused] = useState(false);
  const [done, setDone] = useState<ImportResult | null>(null);
  // A new input after an import, so the file just imported no longer shows as picked.
  const [inputKey, setInputKey] = useState(0);
  const csv = file && "text" in file ? file.text : null;

  const pick = async (input: HTMLInputElement) => {
    const picked = input.files?.[0];
    setPreview(null);
    setError(null);
    setRefused(false);
    setDone(null);
    setFile(picked ? await readCsvFile(picked) : null);
  };
  const runPreview = async (text: string) => {
    setBusy(true);
    setError(null);
    try {
      const next = await api.previewImport(text);
      setPreview(next);
      setChosen(new Set(validRows(next)));
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };
  const confirm = async () => {
    if (csv === null || chosen.size === 0) return;
    setBusy(true);
    setError(null);
    setRefused(false);
    try {
      setDone(await api.confirmImport({ csv, rows: [...chosen].sort((a, b) => a - b) }));
      setPreview(null);
      setFile(null);
      setInputKey((k) => k + 1);
    } catch (caught) {
      setError(caught);
      // Nothing was imported; the rows' errors as they are now (a video deleted, a time passed) replace the old.
      if (caught instanceof ApiError && caught.code === "import_rows_invalid") {
        setRefused(true);
        void runPreview(csv);
      }
    } finally {
      setBusy(false);
    }
  };
  const choose = (rows: number[], on: boolean) =>
    setChosen((old) => {
      const next = new Set(old);
      for (const n of rows) {
        if (on) next.add(n);
        else next.delete(n);
      }
      return next;
    });

  return (
    <section data-testid="import-page">
      <PageHead title={t("csvImport.title")} sub={t("csvImport.sub")}>
        <a class="button button-secondary" href={api.importTemplateUrl} download data-testid="import-template">
          {t("csvImport.template")}
        </a>
      </PageHead>
      {done && <ImportDone result={done} onClose={() => setDone(null)} />}
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
