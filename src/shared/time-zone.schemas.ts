// An IANA time zone as the API accepts it (shared by the contracts that take one). Pure: zod only.
import { z } from "@hono/zod-openapi";

function isTimeZone(zone: string) {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: zone });
    return true;
  } catch {
    return false; // RangeError: not a zone this runtime knows
  }
}

export const TimeZone = z.string().max(64).refine(isTimeZone, "Use an IANA time zone such as Europe/Paris");
