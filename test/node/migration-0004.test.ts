// Migration 0004 rebuilds `videos` under D1's rules (foreign keys on, deferred inside the migration's transaction):
// run on a database holding the old shapes, it keeps every row, the parts of unfinished uploads and every post's
// video, maps `failed` to `rejected` with a reason, and leaves no foreign key broken. SQLite here is node:sqlite.
import { readdirSync, readFileSync } from "node:fs";
import { DatabaseSync } from "node:sqlite";
import { describe, expect, it } from "vitest";

const migration = (name: string) => readFileSync(new URL(`../../migrations/${name}`, import.meta.url), "utf8");

function seed(db: DatabaseSync) {
  db.exec(`
    INSERT INTO users VALUES ('usr_1', 'a@example.com', 'x', 1);
    INSERT INTO workspaces VALUES ('ws_1', 'A', 1);
    INSERT INTO tiktok_accounts (id, workspace_id, open_id, display_name, scopes, access_token_enc, refresh_token_enc,
      access_expires_at, refresh_expires_at, connected_at, updated_at) VALUES ('acc_1', 'ws_1', 'o', 'A', 's', 'x', 'x', 1, 1, 1, 1);
    INSERT INTO videos (id, workspace_id, r2_key, filename, content_type, size, part_size, part_count, upload_id, status,
      created_by, created_at, updated_at) VALUES
      ('vid_ready', 'ws_1', 'ws_1/vid_ready', 'a.mp4', 'video/mp4', 10, 10, 1, NULL, 'ready', 'usr_1', 1, 1),
      ('vid_failed', 'ws_1', 'ws_1/vid_failed', 'b.mp4', 'video/mp4', 10, 10, 1, NULL, 'failed', 'usr_1', 2, 2),
      ('vid_up', 'ws_1', 'ws_1/vid_up', 'c.mp4', 'video/mp4', 20, 10, 2, 'upload-1', 'uploading', 'usr_1', 3, 3);
    INSERT INTO video_parts VALUES ('vid_up', 1, 'etag-1', 10);
    INSERT INTO posts (id, workspace_id, account_id, video_id, mode, scheduled_at, timezone, status, created_at, updated_at)
      VALUES ('post_1', 'ws_1', 'acc_1', 'vid_ready', 'direct', 5, 'UTC', 'scheduled', 1, 1);
    INSERT INTO post_events (post_id, at, type, message) VALUES ('post_1', 1, 'scheduled', 'Scheduled');
  `);
}

describe("migration 0004 (video pipeline)", () => {
  it("keeps videos, parts and posts, maps failed → rejected, and breaks no foreign key", () => {
    const db = new DatabaseSync(":memory:");
    db.exec("PRAGMA foreign_keys = ON");
    db.exec(migration("0001_initial.sql"));
    db.exec(`BEGIN; ${migration("0002_post_statuses.sql")} COMMIT;`);
    seed(db);

    db.exec(`BEGIN; ${migration("0004_video_pipeline.sql")} COMMIT;`);

    expect(db.prepare("SELECT id, status, problems, upload_id FROM videos ORDER BY id").all()).toEqual([
      { id: "vid_failed", status: "rejected", problems: expect.stringContaining('"code":"unreadable"'), upload_id: null },
      { id: "vid_ready", status: "ready", problems: "[]", upload_id: null },
      { id: "vid_up", status: "uploading", problems: "[]", upload_id: "upload-1" },
    ]);
    expect(db.prepare("SELECT * FROM video_parts").all()).toEqual([{ video_id: "vid_up", part_number: 1, etag: "etag-1", size: 10 }]);
    expect(db.prepare("SELECT id, video_id, cover_timestamp_ms FROM posts").all()).toEqual([
      { id: "post_1", video_id: "vid_ready", cover_timestamp_ms: null },
    ]);
    expect(db.prepare("SELECT count(*) AS n FROM post_events").get()).toEqual({ n: 1 });
    expect(db.prepare("PRAGMA foreign_key_check").all()).toEqual([]);
    // The new CHECK holds: the old status is gone.
    expect(() => db.exec("UPDATE videos SET status = 'failed' WHERE id = 'vid_ready'")).toThrow(/CHECK/);
  });

  it("applies in number order on a fresh database, and last on one that already has 0005–0007", () => {
    const files = readdirSync(new URL("../../migrations/", import.meta.url))
      .filter((f) => f.endsWith(".sql"))
      .sort();
    expect(files.slice(0, 4)).toEqual(["0001_initial.sql", "0002_post_statuses.sql", "0003_planner.sql", "0004_video_pipeline.sql"]);
    const later = files.filter((f) => f > "0004");
    // Fresh database: wrangler applies every file in name order. A deployment that already applied 0005–0007 (merged
    // before this one) gets 0003 (the planner) and 0004 last: they must not depend on them, nor undo them.
    const lateOnes = ["0003_planner.sql", "0004_video_pipeline.sql"];
    for (const order of [files, [...files.filter((f) => !lateOnes.includes(f)), ...lateOnes]]) {
      const db = new DatabaseSync(":memory:");
      db.exec("PRAGMA foreign_keys = ON");
      db.exec(migration(order[0]!));
      db.exec(`BEGIN; ${migration(order[1]!)} COMMIT;`);
      seed(db);
      for (const file of order.slice(2)) db.exec(`BEGIN; ${migration(file)} COMMIT;`);
      expect(db.prepare("SELECT id, status FROM videos ORDER BY id").all().length, order.join()).toBe(3);
      expect(db.prepare("SELECT cover_timestamp_ms FROM posts").all(), order.join()).toEqual([{ cover_timestamp_ms: null }]);
      expect(db.prepare("PRAGMA foreign_key_check").all(), order.join()).toEqual([]);
      // What 0005–0007 made is still there after 0004.
      for (const table of ["post_stats", "api_tokens", "metric_points"]) {
        expect(db.prepare("SELECT name FROM sqlite_master WHERE name = ?").get(table), `${table} after ${order.join()}`).toBeTruthy();
      }
      expect(later.length).toBeGreaterThanOrEqual(3);
    }
  });
});
