// The CSV import contract: preview every row with its errors, confirm the rows to schedule (all or none), and the
// template. Pure: the web app imports these types.
import { z } from "@hono/zod-openapi";
import { NewPost, Post } from "../posts/posts.schemas";
import { multiLine } from "../shared/text.schemas";

/** The file's text, as read by the browser (at most the API's 64 KB body). */
// Line breaks and tabs belong in CSV; other control characters and NUL bytes never do (the captions' own rule).
const Csv = multiLine(60_000, "The file").refine((s) => s.length > 0, "The file is empty");

export const ImportPreviewRequest = z.object({ csv: Csv }).strict().openapi("ImportPreviewRequest");

export const ImportConfirmRequest = z
  .object({
    csv: Csv,
    /** The rows to schedule, numbered as a spreadsheet shows them (the header is row 1). */
    rows: z.array(z.number().int().min(2).max(10_000)).min(1).max(500),
  })
  .strict()
  .openapi("ImportConfirmRequest");

export const ImportRow = z
  .object({
    row: z.number().int().openapi({ description: "The row as a spreadsheet numbers it (the header is row 1)" }),
    values: z.record(z.string(), z.string()),
    post: NewPost.nullable().openapi({ description: "The post this row would schedule, when it has no errors" }),
    errors: z.array(z.object({ column: z.string(), message: z.string() })),
  })
  .openapi("ImportRow");

export const ImportPreview = z.object({ rows: z.array(ImportRow), valid: z.number().int(), invalid: z.number().int() });
export const ImportResult = z.object({ posts: z.array(Post) });
