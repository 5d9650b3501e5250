// Text fields of the API contract: no control characters or null bytes (tabs and line breaks only where a field
// is multi-line), lengths in UTF-16 code units (JS .length; zod's max() counts code points). Pure.
import { z } from "@hono/zod-openapi";

/** C0 controls, DEL, C1 controls, and the Unicode line/paragraph separators; `multiLine` allows tab, LF and CR. */
function hasControl(text: string, multiLine: boolean) {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (multiLine && (code === 9 || code === 10 || code === 13)) continue;
    if (code < 0x20 || (code >= 0x7f && code <= 0x9f) || code === 0x2028 || code === 0x2029) return true;
  }
  return false;
}

/** A single-line text of 1..max UTF-16 code units, trimmed, without control characters. */
export const singleLine = (max: number, what = "This field") =>
  z
    .string()
    .trim()
    .min(1, `${what} cannot be empty`)
    .refine((s) => s.length <= max, `${what} can be at most ${max} characters`)
    .refine((s) => !hasControl(s, false), `${what} cannot contain control characters`);

/** A multi-line text of at most max UTF-16 code units (tabs and line breaks allowed, other controls not). */
export const multiLine = (max: number, what = "This field") =>
  z
    .string()
    .refine((s) => s.length <= max, `${what} can be at most ${max} characters`)
    .refine((s) => !hasControl(s, true), `${what} cannot contain control characters or null bytes`);

/** An id as the API issues them (a prefix and base64url characters): anything else cannot name an object. */
export const idString = (what = "id") => z.string().regex(/^[A-Za-z0-9_-]{1,100}$/, `Not a valid ${what}`);
