// /api/imports: schedule many posts from a CSV file. Preview (every row, every error, nothing written), confirm the
// chosen rows (all or none), and the template to fill in.
import { createRoute, z } from "@hono/zod-openapi";
import type { Context } from "hono";
import { audit } from "../audit/audit";
import { guard } from "../auth/guard";
import type { AppEnv } from "../env";
import { postView } from "../posts/post-view";
import type { PostsDeps } from "../posts/posts.service";
import { errorResponses, json, jsonBody, router } from "../shared/http";
import { csvTemplate } from "./csv-template";
import { ImportConfirmRequest, ImportPreview, ImportPreviewRequest, ImportResult } from "./imports.schemas";
import { confirmCsv, previewCsv } from "./imports.service";

const tags = ["imports"];
const editor = guard("editor");

const previewRoute = createRoute({
  method: "post",
  path: "/imports/preview",
  tags,
  ...editor,
  request: { body: jsonBody(ImportPreviewRequest) },
  responses: { 200: json(ImportPreview, "Every row with the post it would schedule or its errors; nothing is written"), ...errorResponses },
});
const confirmRoute = createRoute({
  method: "post",
  path: "/imports/confirm",
  tags,
  ...editor,
  request: { body: jsonBody(ImportConfirmRequest) },
  responses: {
    201: json(ImportResult, "Every confirmed row scheduled"),
    ...errorResponses,
    422: {
      description: "A confirmed row has errors: nothing was scheduled (details: each row's errors)",
      content: errorResponses[400].content,
    },
  },
});
const templateRoute = createRoute({
  method: "get",
  path: "/imports/template",
  tags,
  ...guard("viewer"),
  responses: {
    200: { description: "The CSV template, with two example rows", content: { "text/csv": { schema: z.string() } } },
    ...errorResponses,
  },
});

const deps = (c: Context<AppEnv>): PostsDeps => ({ db: c.var.db, queue: c.env.PUBLISH_QUEUE, publishers: c.env.ACCOUNT_PUBLISHER });

export const importRoutes = router()
  .openapi(previewRoute, async (c) => {
    const rows = await previewCsv(deps(c), c.get("session"), c.req.valid("json").csv, c.var.now);
    const valid = rows.filter((r) => r.errors.length === 0).length;
    return c.json({ rows, valid, invalid: rows.length - valid }, 200);
  })
  .openapi(confirmRoute, async (c) => {
    const { csv, rows } = c.req.valid("json");
    const created = await confirmCsv(deps(c), c.get("session"), csv, rows, c.var.now);
    await audit(c, "post.import", null, { posts: created.map((p) => p.id) });
    return c.json({ posts: created.map((p) => postView(p)) }, 201);
  })
  .openapi(templateRoute, async (c) =>
    c.body(csvTemplate(), 200, {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": 'attachment; filename="postflare-import.csv"',
    }),
  );
