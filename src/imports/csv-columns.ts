// The CSV import's columns, in the template's order, and the words each cell accepts. Pure data (the contract and
// the template read it).
export const CSV_COLUMNS = [
  "video",
  "caption",
  "date",
  "time",
  "time_zone",
  "account",
  "privacy",
  "mode",
  "comment",
  "duet",
  "stitch",
  "disclosure",
] as const;
export type CsvColumn = (typeof CSV_COLUMNS)[number];

/** Which columns a row must fill (the others have the same defaults as POST /api/posts). */
export const REQUIRED_COLUMNS = ["video", "date", "time", "time_zone", "account"] as const;

/** comment / duet / stitch: whether viewers may (empty = on). */
export const ON_WORDS = ["on", "yes", "true", "1", "allow"];
export const OFF_WORDS = ["off", "no", "false", "0", "deny"];

/** disclosure: any of these, separated by ";" (empty = none). */
export const DISCLOSURES = ["brand_organic", "brand_content", "aigc"] as const;

export const TEMPLATE_ROWS = [
  [
    "clip.mp4",
    "Behind the scenes #bts",
    "2026-12-24",
    "18:30",
    "Europe/Paris",
    "@yourhandle",
    "PUBLIC_TO_EVERYONE",
    "direct",
    "on",
    "on",
    "off",
    "",
  ],
  [
    "vid_xxxxxxxxxxxxxxxx",
    "Our new product",
    "2026-12-26",
    "09:00:00",
    "America/New_York",
    "yourhandle",
    "SELF_ONLY",
    "direct",
    "on",
    "off",
    "off",
    "brand_organic",
  ],
];
