// The CSV template to download: the header and two example rows, written by csv-stringify (quoting as needed).
import { stringify } from "csv-stringify/sync";
import { CSV_COLUMNS, TEMPLATE_ROWS } from "./csv-columns";

export const csvTemplate = () => stringify([[...CSV_COLUMNS], ...TEMPLATE_ROWS]);
