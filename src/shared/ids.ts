// Prefixed random ids: the prefix tells a reader what an id points at.
import { randomToken } from "./crypto";

export const newId = (prefix: "usr" | "ws" | "acc" | "vid" | "post" | "htg" | "tpl") => `${prefix}_${randomToken(12)}`;
