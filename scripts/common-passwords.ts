// Writes src/auth/common-passwords.json: the entries of zxcvbn-ts's common-password list (npm
// @zxcvbn-ts/language-common) long enough to pass the length rule. Bundling only those keeps the Worker ~360 KB
// smaller than importing the whole dictionary; test/node/common-passwords.test.ts fails if the file drifts from the
// installed package. Run `node scripts/common-passwords.ts` after upgrading the package.
import { writeFileSync } from "node:fs";
import path from "node:path";
import { dictionary } from "@zxcvbn-ts/language-common";
import { MIN_PASSWORD_LENGTH } from "../src/auth/password-rules.ts";

export function longCommonPasswords(): string[] {
  return [
    ...new Set(dictionary["passwords-common"].filter((p: string) => p.length >= MIN_PASSWORD_LENGTH).map((p: string) => p.toLowerCase())),
  ].sort();
}

if (import.meta.main) {
  const file = path.resolve(import.meta.dirname, "../src/auth/common-passwords.json");
  writeFileSync(file, `${JSON.stringify(longCommonPasswords(), null, 0)}\n`);
  console.log(`wrote ${file}`);
}
