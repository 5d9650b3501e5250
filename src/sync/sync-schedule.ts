// When an account syncs (pure): profile, stats and creator info about daily, jittered so accounts drift apart; each
// published post read on a decaying schedule (1 h, 6 h, 24 h, 72 h, 7 d, then weekly up to 90 d). Every reading has
// a window before its time in which a sync that runs anyway takes it early, so one run serves several readings.

export type SyncConfig = {
  /** Profile, stats and creator info are read about this often (default 24 h). */
  profileIntervalMs: number;
  /** Readings after publish (default 1 h, 6 h, 24 h, 72 h, 7 d); then weekly until `horizonMs`. */
  metricOffsetsMs: number[];
  /** No reading after this long (default 90 days); the last reading is at the horizon itself. */
  horizonMs: number;
};

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const WEEK = 7 * DAY;

export const DEFAULT_SYNC_CONFIG: SyncConfig = {
  profileIntervalMs: DAY,
  metricOffsetsMs: [HOUR, 6 * HOUR, DAY, 3 * DAY, WEEK],
  horizonMs: 90 * DAY,
};

/** A reading may be taken this share of its offset early (a 1 h reading from 54 min, a 7 d one from 6.3 d). */
export const EARLY_FRACTION = 0.1;
/** Each profile sync moves the next one 0–10 % earlier than the interval: accounts that started together spread out. */
export const PROFILE_JITTER = 0.1;

const UNITS: Record<string, number> = { m: MINUTE, h: HOUR, d: DAY };

/** "90m", "6h", "7d" → ms; null if malformed. */
export function parseDuration(text: string): number | null {
  const match = /^(\d+)([mhd])$/.exec(text.trim());
  return match ? Number(match[1]) * UNITS[match[2]!]! : null;
}

/** Config from the Worker's vars (wrangler.toml); a missing or malformed value keeps its default. */
export function syncConfig(vars: { SYNC_PROFILE_INTERVAL?: string; SYNC_METRICS_SCHEDULE?: string; SYNC_METRICS_HORIZON?: string }) {
  const offsets = (vars.SYNC_METRICS_SCHEDULE ?? "").split(",").map(parseDuration);
  const valid = offsets.length > 0 && offsets.every((o, i) => o !== null && o > 0 && (i === 0 || o > offsets[i - 1]!));
  return {
    profileIntervalMs: parseDuration(vars.SYNC_PROFILE_INTERVAL ?? "") ?? DEFAULT_SYNC_CONFIG.profileIntervalMs,
    metricOffsetsMs: valid ? (offsets as number[]) : DEFAULT_SYNC_CONFIG.metricOffsetsMs,
    horizonMs: parseDuration(vars.SYNC_METRICS_HORIZON ?? "") ?? DEFAULT_SYNC_CONFIG.horizonMs,
  } satisfies SyncConfig;
}

/** Every reading's offset after publish: the listed ones, weekly after the last of them, and the horizon. */
export function readingOffsets(config: SyncConfig): number[] {
  const offsets = config.metricOffsetsMs.filter((o) => o <= config.horizonMs);
  for (let o = (offsets.at(-1) ?? 0) + WEEK; o < config.horizonMs; o += WEEK) offsets.push(o);
  if (offsets.at(-1) !== config.horizonMs) offsets.push(config.horizonMs);
  return offsets;
}

export type Reading = { dueAt: number; windowAt: number };

const windowOf = (publishedAt: number, offset: number): Reading => ({
  dueAt: publishedAt + offset,
  windowAt: publishedAt + Math.round(offset * (1 - EARLY_FRACTION)),
});

/**
 * The next reading of a post published at `publishedAt`, once one was taken at `now` (or none yet): the first whose
 * window has not opened by `now`, so a reading taken early counts for its slot. Null when the schedule is over.
 */
export function nextReading(publishedAt: number, now: number, config: SyncConfig): Reading | null {
  for (const offset of readingOffsets(config)) {
    const reading = windowOf(publishedAt, offset);
    if (reading.windowAt > now) return reading;
  }
  return null;
}

/** The first reading of a post just published. */
export const firstReading = (publishedAt: number, config: SyncConfig): Reading | null => nextReading(publishedAt, publishedAt, config);

/** After a profile sync at `now`: the next one, 0–10 % earlier than the interval (random), and its early window. */
export function nextProfileSync(now: number, config: SyncConfig, random: () => number = Math.random): Reading {
  const dueAt = now + Math.round(config.profileIntervalMs * (1 - PROFILE_JITTER * random()));
  return { dueAt, windowAt: dueAt - Math.round(config.profileIntervalMs * EARLY_FRACTION) };
}

/** Whether a profile sync due at `dueAt` may run at `now` (never synced, due, or inside its early window). */
export const profileDue = (dueAt: number | null, now: number, config: SyncConfig) =>
  dueAt === null || dueAt - Math.round(config.profileIntervalMs * EARLY_FRACTION) <= now;
