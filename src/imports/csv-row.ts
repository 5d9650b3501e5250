// One CSV row to the body POST /api/posts takes: the account by handle, the video by id or filename, the local date
// and time in its zone (written with that zone's offset, so a DST gap is refused by the posts API's own rule).
import { zoneOffsetMinutes } from "../posts/zone-time";
import { type CsvColumn, DISCLOSURES, OFF_WORDS, ON_WORDS, REQUIRED_COLUMNS } from "./csv-columns";

export type RowError = { column: string; message: string };
export type Lookup = {
  accountByHandle: (handle: string) => string | null;
  videoByRef: (ref: string) => { id: string } | "ambiguous" | null;
};

const offset = (minutes: number) => {
  const abs = Math.abs(minutes);
  return `${minutes < 0 ? "-" : "+"}${String(Math.floor(abs / 60)).padStart(2, "0")}:${String(abs % 60).padStart(2, "0")}`;
};

/** `date`+`time` in `zone` written with the zone's offset at that wall time (or null when unreadable). */
export function localIso(date: string, time: string, zone: string): string | null {
  const d = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  const t = /^(\d{1,2}):(\d{2})(?::(\d{2}))?$/.exec(time);
  if (!d || !t) return null;
  const wall = Date.UTC(Number(d[1]), Number(d[2]) - 1, Number(d[3]), Number(t[1]), Number(t[2]), Number(t[3] ?? 0));
  let minutes: number;
  try {
    minutes = zoneOffsetMinutes(zone, wall - zoneOffsetMinutes(zone, wall) * 60_000);
  } catch {
    return null;
  }
  const hh = t[1]!.padStart(2, "0");
  return `${date}T${hh}:${t[2]}:${t[3] ?? "00"}${offset(minutes)}`;
}

function flag(value: string, column: CsvColumn, errors: RowError[]) {
  const v = value.trim().toLowerCase();
  if (v === "" || ON_WORDS.includes(v)) return false;
  if (OFF_WORDS.includes(v)) return true;
  errors.push({ column, message: `Write on or off (not “${value}”)` });
  return false;
}

/** The post body a row describes, and every problem found reading it (the posts API checks the rest). */
export function rowToPost(cells: Record<string, string>, lookup: Lookup) {
  const errors: RowError[] = [];
  const get = (c: CsvColumn) => (cells[c] ?? "").trim();
  for (const c of REQUIRED_COLUMNS) if (!get(c)) errors.push({ column: c, message: "Required" });
  const accountId = get("account") ? lookup.accountByHandle(get("account").replace(/^@/, "")) : null;
  if (get("account") && !accountId)
    errors.push({ column: "account", message: `No connected account @${get("account").replace(/^@/, "")}` });
  const video = get("video") ? lookup.videoByRef(get("video")) : null;
  if (get("video") && video === null) errors.push({ column: "video", message: `No video “${get("video")}” in the media library` });
  if (video === "ambiguous") errors.push({ column: "video", message: `Several videos are called “${get("video")}”: use its id` });
  const scheduledAt = get("date") && get("time") ? localIso(get("date"), get("time"), get("time_zone") || "UTC") : null;
  if (get("date") && get("time") && !scheduledAt)
    errors.push({ column: "date", message: "Write the date as YYYY-MM-DD and the time as HH:MM" });
  const disclosure = get("disclosure")
    .split(";")
    .map((s) => s.trim())
    .filter(Boolean);
  for (const d of disclosure)
    if (!(DISCLOSURES as readonly string[]).includes(d)) errors.push({ column: "disclosure", message: `Unknown disclosure “${d}”` });
  const input = {
    accountId: accountId ?? "",
    videoId: video && video !== "ambiguous" ? video.id : "",
    caption: cells.caption ?? "",
    privacyLevel: get("privacy") || null,
    scheduledAt: scheduledAt ?? "",
    timezone: get("time_zone"),
    mode: get("mode") || "direct",
    disableComment: flag(get("comment"), "comment", errors),
    disableDuet: flag(get("duet"), "duet", errors),
    disableStitch: flag(get("stitch"), "stitch", errors),
    brandOrganic: disclosure.includes("brand_organic"),
    brandContent: disclosure.includes("brand_content"),
    isAigc: disclosure.includes("aigc"),
  };
  return { input, errors };
}
