// The message catalogue in use (English first) and how components read it: t() for text, rich() for text with
// elements (links) inside, plurals through Intl.PluralRules. A translation is another file shaped like en.ts.
import type { ComponentChild } from "preact";
import { en } from "./en.ts";

export type Messages = typeof en;
export type MessageKey = keyof Messages;
/** A plural message: Intl.PluralRules categories, `other` required. */
type Plural = { readonly other: string } & Partial<Record<Intl.LDMLPluralRule, string>>;
type Params = Record<string, string | number>;

const catalogue: Record<MessageKey, string | Plural> = en;
/** The catalogue's language and direction (a right-to-left catalogue sets "rtl"). */
export const LANGUAGE = "en";
export const DIRECTION: "ltr" | "rtl" = "ltr";
/** Dates, times and numbers follow the browser's locale (12/24 h, week start), whatever the catalogue's language. */
export const LOCALE = new Intl.DateTimeFormat().resolvedOptions().locale;
const plurals = new Intl.PluralRules(LOCALE);
const numbers = new Intl.NumberFormat(LOCALE);

function pick(message: string | Plural, params?: Params): string {
  if (typeof message === "string") return message;
  const count = Number(params?.count ?? 0);
  return message[plurals.select(count)] ?? message.other;
}

function fill(text: string, params?: Params): string {
  if (!params) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    if (value === undefined) return whole;
    return typeof value === "number" ? numbers.format(value) : value;
  });
}

/** The message `key` with `{name}` placeholders filled in (numbers in the locale's digits). */
export function t(key: MessageKey, params?: Params): string {
  return fill(pick(catalogue[key], params), params);
}

/** Like t(), but placeholders may be elements: rich("composer.declaration", { music: <a …/> }). */
export function rich(key: MessageKey, parts: Record<string, ComponentChild>, params?: Params): ComponentChild[] {
  const text = fill(pick(catalogue[key], params), params);
  return text.split(/(\{\w+\})/g).map((piece) => {
    const name = /^\{(\w+)\}$/.exec(piece)?.[1];
    return name && name in parts ? parts[name] : piece;
  });
}
