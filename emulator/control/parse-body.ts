// Control API body parsing: JSON (empty = {}) checked against a zod schema, errors as one readable string.
import type { z } from "zod";

export type Parsed<T> = { ok: true; data: T } | { ok: false; error: string };

export async function parseBody<T extends z.ZodType>(req: Request, schema: T): Promise<Parsed<z.infer<T>>> {
  const text = await req.text();
  let raw: unknown = {};
  try {
    raw = text ? JSON.parse(text) : {};
  } catch {
    return { ok: false, error: "body is not JSON" };
  }
  const r = schema.safeParse(raw);
  return r.success
    ? { ok: true, data: r.data }
    : { ok: false, error: r.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ") };
}
