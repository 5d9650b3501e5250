// What a new password must be: at least 10 characters and not one of the most common passwords. The list is
// zxcvbn-ts's (about 49,000 passwords from public breach corpora, maintained on npm as @zxcvbn-ts/language-common)
// bundled into the Worker; only its entries of 10+ characters matter here (shorter ones fail the length rule).
import { dictionary } from "@zxcvbn-ts/language-common";
import { AppError } from "../shared/errors";

export const MIN_PASSWORD_LENGTH = 10;

let common: Set<string> | null = null;

/** The common passwords long enough to pass the length rule (built once per isolate, on first use). */
function commonPasswords(): Set<string> {
  common ??= new Set(dictionary["passwords-common"].filter((p) => p.length >= MIN_PASSWORD_LENGTH));
  return common;
}

export const isCommonPassword = (password: string) => commonPasswords().has(password.toLowerCase());

/** Refuses a password from the common list with the same 400 shape as a schema failure. */
export function checkPasswordPolicy(password: string, path = "password") {
  if (isCommonPassword(password)) {
    throw new AppError(400, "invalid_request", "The request is not valid", [
      { path, message: "This password is among the most common ones; choose another" },
    ]);
  }
}
