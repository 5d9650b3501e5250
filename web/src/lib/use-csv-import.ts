// The CSV import page's state and steps: the picked file (read and checked in the browser), the preview and the
// rows chosen in it (every valid row at first), and the all-or-nothing confirm.
import { useState } from "preact/hooks";
import { ApiError, api, type ImportPreview, type ImportResult } from "../api.ts";
import { type CsvFile, readCsvFile } from "./csv-import.ts";

const validRows = (preview: ImportPreview) => preview.rows.filter((r) => r.errors.length === 0).map((r) => r.row);

export function useCsvImport() {
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
        await runPreview(csv);
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

  return {
    file,
    csv,
    preview,
    chosen,
    busy,
    error,
    refused,
    done,
    inputKey,
    pick,
    runPreview,
    confirm,
    choose,
    clearDone: () => setDone(null),
  };
}
