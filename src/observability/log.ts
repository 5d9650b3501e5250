// Structured logs: one JSON object per line, so Workers Logs (and `wrangler tail`) can filter on any field:
// post id, account, TikTok's log_id, phase, lateness.

export type LogFields = Record<string, string | number | boolean | null | undefined>;

export function logEvent(event: string, fields: LogFields = {}) {
  console.log(JSON.stringify({ event, ...fields }));
}
