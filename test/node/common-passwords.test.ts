// The bundled common-password list is exactly the installed zxcvbn-ts list's entries that pass the length rule.
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { longCommonPasswords } from "../../scripts/common-passwords.ts";

describe("the common-password list the Worker bundles", () => {
  it("matches the npm package (run `node scripts/common-passwords.ts` after upgrading it)", () => {
    const bundled = JSON.parse(readFileSync(path.resolve(import.meta.dirname, "../../src/auth/common-passwords.json"), "utf8"));
    expect(bundled).toEqual(longCommonPasswords());
    expect(bundled.length).toBeGreaterThan(1_000);
  });
});
