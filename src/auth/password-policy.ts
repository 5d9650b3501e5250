// What a new password must be: at least 10 characters and not one of the most common passwords. The list is
// zxcvbn-ts's (about 49,000 passwords from public breach corpora, maintained on npm as @zxcvbn-ts/language-common);
// only its 1,557 entries of 10+ characters can pass the length rule, so only those are bundled
// (common-passwords.json, written by scripts/common-passwords.ts and checked against the package by a test).
import { AppError } from "../shared/errors";
import common from "./common-passwords.json";
import { MIN_PASSWORD_LENGTH } from "./password-rules";

export { MIN_PASSWORD_LENGTH };

const COMMON = new Set<string>(common);

export const isCommonPassword = (password: string) => COMMON.has(password.toLowerCase());

/** Refuses a password from the common list with the same 400 shape as a schema failure. */
export function checkPasswordPolicy(password: string, path = "password") {
  if (isCommonPassword(password)) {
    throw new AppError(400, "invalid_request", "The request is not valid", [
      { path, message: "This password is among the most common ones; choose another" },
    ]);
  }
}
