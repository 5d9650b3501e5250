// Time zones as the API accepts them, and whether a written local time exists in its zone. Pure (no imports):
// the posts contract uses `zoneProblem`, the service uses `offsetProblem`.

/** Why `zone` is not an IANA time zone written canonically (e.g. "Europe/Paris"), or null when it is. */
export function zoneProblem(zone: string): string | null {
  let resolved: string;
  try {
    resolved = new Intl.DateTimeFormat("en-US", { timeZone: zone }).resolvedOptions().timeZone;
  } catch {
    return "Use an IANA time zone such as Europe/Paris";
  }
  // Offsets ("+01:00") are not zones: they know nothing of daylight saving time.
  if (/^[+-]/.test(zone)) return "Use an IANA time zone such as Europe/Paris, not an offset";
  // IANA names capitalise every segment ("America/Argentina/Buenos_Aires", "Etc/GMT+5", "UTC").
  const caseMismatch = resolved.toLowerCase() === zone.toLowerCase() && resolved !== zone;
  if (caseMismatch || zone.split("/").some((segment) => !/^[A-Z]/.test(segment))) {
    return caseMismatch ? `Write the time zone as ${resolved}` : "Write the time zone as IANA does, e.g. Europe/Paris";
  }
  return null;
}

/** The zone's UTC offset in minutes at instant `ms`. */
export function zoneOffsetMinutes(zone: string, ms: number): number {
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone: zone,
    hourCycle: "h23",
    year: "numeric",
    month: "numeric",
    day: "numeric",
    hour: "numeric",
    minute: "numeric",
    second: "numeric",
  }).formatToParts(new Date(ms));
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const wall = Date.UTC(get("year"), get("month") - 1, get("day"), get("hour"), get("minute"), get("second"));
  return Math.round((wall - Math.floor(ms / 1000) * 1000) / 60_000);
}

const formatOffset = (minutes: number) => {
  const sign = minutes < 0 ? "-" : "+";
  const abs = Math.abs(minutes);
  return `${sign}${String(Math.floor(abs / 60)).padStart(2, "0")}:${String(abs % 60).padStart(2, "0")}`;
};

/**
 * A date-time written with a numeric offset states a wall-clock time; that offset must be the zone's own at that
 * instant. Otherwise the local time does not exist there (a DST gap, e.g. 02:30 when clocks jump 02:00 → 03:00)
 * or the offset belongs elsewhere. "Z" and "+00:00" state an instant and fit any zone. Null when consistent.
 */
export function offsetProblem(iso: string, zone: string): { code: string; message: string } | null {
  const match = /([+-])(\d{2}):?(\d{2})$/.exec(iso);
  if (!match || (match[2] === "00" && match[3] === "00")) return null;
  const written = (match[1] === "-" ? -1 : 1) * (Number(match[2]) * 60 + Number(match[3]));
  const actual = zoneOffsetMinutes(zone, Date.parse(iso));
  if (written === actual) return null;
  const local = iso.slice(0, 16).replace("T", " ");
  // Same instant, the zone's offset is larger: the written wall time was skipped when the clocks moved forward.
  const gap = actual > written && zoneOffsetMinutes(zone, Date.parse(iso) - (actual - written) * 60_000) === written;
  return gap
    ? {
        code: "time_not_in_zone",
        message: `${local} does not exist in ${zone}: the clocks skip it (daylight saving time). Pick another time.`,
      }
    : {
        code: "offset_mismatch",
        message: `${zone} is at ${formatOffset(actual)} then, not ${formatOffset(written)}. Send the time with its right offset, or in UTC.`,
      };
}
