// The CSV import's browser side: reading the chosen file within the API's limit, and each column's name in words.
import { type MessageKey, t } from "../i18n/index.ts";
import { privacyLabel } from "./format.ts";

/** The API takes at most 60,000 characters of CSV (src/imports/imports.schemas.ts, inside its 64 KB body limit). */
export const CSV_MAX_CHARS = 60_000;
/** Bytes to refuse before reading: no character is smaller than one UTF-8 byte, none larger than four. */
const CSV_MAX_BYTES = CSV_MAX_CHARS * 4;

export type CsvFile = { name: string; text: string } | { name: string; problem: string };

/** The file's text, or why it cannot be imported (checked here so a big file is never sent). */
export async function readCsvFile(file: File): Promise<CsvFile> {
  if (!/\.csv$/i.test(file.name) && file.type !== "text/csv") return { name: file.name, problem: t("csvImport.notCsv") };
  if (file.size > CSV_MAX_BYTES) return { name: file.name, problem: t("csvImport.tooBig", { max: CSV_MAX_CHARS }) };
  const text = await file.text();
  if (text.trim() === "") return { name: file.name, problem: t("csvImport.empty") };
  if (text.length > CSV_MAX_CHARS) return { name: file.name, problem: t("csvImport.tooBig", { max: CSV_MAX_CHARS }) };
  return { name: file.name, text };
}

const COLUMNS: Record<string, MessageKey> = {
  video: "csvImport.col.video",
  caption: "csvImport.col.caption",
  date: "csvImport.col.date",
  time: "csvImport.col.time",
  time_zone: "csvImport.col.timeZone",
  account: "csvImport.col.account",
  privacy: "csvImport.col.privacy",
  mode: "csvImport.col.mode",
  comment: "csvImport.col.comment",
  duet: "csvImport.col.duet",
  stitch: "csvImport.col.stitch",
  disclosure: "csvImport.col.disclosure",
};

/** "account" → "Account"; a column the catalogue does not know shows as the file names it. */
export const columnLabel = (column: string) => (column in COLUMNS ? t(COLUMNS[column]!) : column);

/** A privacy cell in TikTok's words when it is a level TikTok knows. */
export const privacyCell = (value: string) => (value.trim() ? privacyLabel(value.trim()) : t("common.none"));

/** The mode cell in words (empty means a direct post, as in the template). */
export function modeCell(value: string): string {
  const mode = value.trim().toLowerCase();
  if (mode === "" || mode === "direct") return t("composer.direct");
  if (mode === "inbox") return t("post.inboxDraft");
  return value;
}
