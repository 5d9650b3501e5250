// The ledger view served by GET /__emu/record, optionally filtered to one open_id.
import type { Emulator } from "../core/emulator.ts";

export function recordView(emu: Emulator, openId?: string) {
  const { ledger } = emu.state;
  const mine = <T extends { open_id: string | null }>(rows: T[]) => (openId ? rows.filter((r) => r.open_id === openId) : rows);
  const publishes = [...emu.state.publishes.values()].map((p) => ({
    publish_id: p.publishId,
    open_id: p.openId,
    mode: p.mode,
    source: p.source,
    status: p.status,
    fail_reason: p.failReason,
    post_id: p.postIds[0] ?? null,
    post_ids: p.postIds,
    public_post_ids: p.publicPostIds,
    uploaded_bytes: p.uploadedBytes,
    downloaded_bytes: p.downloadedBytes,
    createdAt: p.createdAt,
    completedAt: p.completedAt,
    completeCount: p.completeCount,
  }));
  return {
    inits: mine(ledger.inits),
    rejectedInits: mine(ledger.rejectedInits),
    uploads: mine(ledger.uploads),
    publishes: mine(publishes),
    tokenRefreshes: mine(ledger.tokenRefreshes),
    calls: mine(ledger.calls),
    webhooks: mine(ledger.webhooks),
    videoQueries: mine(ledger.videoQueries),
  };
}
