// CSV import (issue 14): a file with good and bad rows previews every row with its errors (unknown account, video
// not ready or unknown, privacy the account does not offer, a time in the past or in a DST gap, a caption too
// long, over the daily cap, a cell it cannot read) and writes nothing; confirming imports exactly the confirmed rows, all or none.
import { afterEach, describe, expect, it } from "vitest";
import { connectAccount, emu, rows, signedUpWithToken, uploadVideo } from "./helpers";
import { syncRound } from "./sync-world";
import { invited } from "./team-helpers";
import { type World, world } from "./world";

let w: World;
afterEach(() => w?.release());

const HEADER = "video,caption,date,time,time_zone,account,privacy,mode,comment,duet,stitch,disclosure";
const day = (ms: number, zone = "UTC") => new Intl.DateTimeFormat("en-CA", { timeZone: zone }).format(new Date(ms));

async function setup() {
  // 2027-03-27 12:00 UTC: Paris springs forward the next night (02:00 → 03:00 on 2027-03-28).
  w = await world(Date.UTC(2027, 2, 27, 12, 0, 0));
  const client = await signedUpWithToken(w.fetcher);
  const { accountId, username } = await connectAccount(client);
  const { videoId } = await uploadVideo(client);
  const pending = (await client.json("/api/videos", { filename: "later.mp4", size: 1000, contentType: "video/mp4" })).body.video
    .id as string;
  return { client, accountId, username, videoId, pending };
}

describe("CSV import", () => {
  it("previews every row with its errors and writes nothing; imports only the confirmed rows", async () => {
    const { client, accountId, username, videoId, pending } = await setup();
    // The account turned private: its sync stores creator info without PUBLIC_TO_EVERYONE.
    await emu(`/__emu/users/${username}`, "PUT", { isPrivate: true });
    await syncRound(w, [accountId]);
    // Two days on: Paris is on summer time (+02:00) by then.
    const soon = day(w.now() + 2 * 86_400_000);
    const lines = [
      HEADER,
      `clip.mp4,"Hello, world — with a comma and ""quotes""",${soon},18:30,Europe/Paris,@${username},SELF_ONLY,direct,on,off,off,`,
      `${videoId},"A caption
on two lines",${soon},19:00:00,UTC,${username},SELF_ONLY,direct,,,,brand_organic`,
      `clip.mp4,x,${soon},10:00,UTC,@nobody_here,SELF_ONLY,direct,on,on,on,`,
      `${pending},x,${soon},10:00,UTC,@${username},SELF_ONLY,direct,on,on,on,`,
      `clip.mp4,x,${soon},10:00,UTC,@${username},EVERYONE_PLEASE,direct,on,on,on,`,
      `clip.mp4,x,2027-03-01,10:00,UTC,@${username},SELF_ONLY,direct,on,on,on,`,
      `clip.mp4,x,2027-03-28,02:30,Europe/Paris,@${username},SELF_ONLY,direct,on,on,on,`,
      `clip.mp4,${"x".repeat(2201)},${soon},10:00,UTC,@${username},SELF_ONLY,direct,on,on,on,`,
      `nope.mp4,x,${soon},10:00,UTC,@${username},SELF_ONLY,direct,maybe,on,on,sponsored`,
      `clip.mp4,x,${soon},10:00,UTC,@${username},PUBLIC_TO_EVERYONE,direct,on,on,on,`,
    ];
    const csv = `\uFEFF${lines.join("\r\n")}\r\n`;
    const preview = await client.json("/api/imports/preview", { csv });
    expect(preview.status).toBe(200);
    // Rows are numbered as a spreadsheet shows them (header = 1): the caption's line break stays inside row 3.
    const byRow = Object.fromEntries(
      preview.body.rows.map((r: { row: number; errors: { column: string; message: string }[] }) => [r.row, r.errors]),
    );
    expect(preview.body.valid).toBe(2);
    expect(preview.body.invalid).toBe(8);
    expect(preview.body.rows).toHaveLength(10);
    expect(byRow[2]).toEqual([]);
    expect(byRow[3]).toEqual([]);
    expect(preview.body.rows[0].post).toMatchObject({
      caption: 'Hello, world — with a comma and "quotes"',
      timezone: "Europe/Paris",
      disableComment: false,
      disableDuet: true,
    });
    expect(preview.body.rows[0].post.scheduledAt).toBe(`${soon}T18:30:00+02:00`);
    expect(preview.body.rows[1].post).toMatchObject({ caption: "A caption\non two lines", brandOrganic: true, videoId });
    const errorsOf = (row: number) => byRow[row].map((e: { column: string; message: string }) => `${e.column}: ${e.message}`).join(" | ");
    expect(errorsOf(4)).toContain("account: No connected account @nobody_here");
    expect(errorsOf(5)).toContain("video: The video has not finished uploading");
    expect(errorsOf(6)).toMatch(/^privacy: /);
    expect(errorsOf(7)).toContain("Pick a time in the future");
    expect(errorsOf(8)).toContain("2027-03-28 02:30 does not exist in Europe/Paris");
    expect(errorsOf(9)).toMatch(/^caption: /);
    expect(errorsOf(10)).toContain("video: No video “nope.mp4” in the media library");
    expect(errorsOf(10)).toContain("comment: Write on or off (not “maybe”)");
    expect(errorsOf(10)).toContain("disclosure: Unknown disclosure “sponsored”");
    expect(errorsOf(11)).toMatch(/^privacy: This account offers .*SELF_ONLY.*, not PUBLIC_TO_EVERYONE$/);
    expect(preview.body.rows[2].post).toBeNull();

    const before = (await client.json("/api/posts")).body.posts.length;
    expect(before).toBe(0);
    const refused = await client.json("/api/imports/confirm", { csv, rows: [2, 4] });
    expect(refused.status).toBe(422);
    expect(refused.body.error.code).toBe("import_rows_invalid");
    expect(refused.body.error.details).toEqual([{ row: 4, errors: byRow[4] }]);
    expect((await client.json("/api/posts")).body.posts).toEqual([]);

    const imported = await client.json("/api/imports/confirm", { csv, rows: [3] });
    expect(imported.status).toBe(201);
    expect(imported.body.posts.map((p: { caption: string; status: string }) => [p.caption, p.status])).toEqual([
      ["A caption\non two lines", "scheduled"],
    ]);
    const listed = (await client.json("/api/posts")).body.posts;
    expect(listed.map((p: { id: string }) => p.id)).toEqual([imported.body.posts[0].id]);
    // An imported post is scheduled like any other: its integration event is written with it.
    expect(await rows("SELECT type FROM integration_events WHERE post_id = ?", imported.body.posts[0].id)).toEqual([
      { type: "post.scheduled" },
    ]);
  });

  it("counts the file's own rows toward the daily cap, and lets only editors import", async () => {
    const { client, username, videoId } = await setup();
    const soon = day(w.now() + 86_400_000);
    const lines = [HEADER];
    for (let i = 0; i < 16; i++)
      lines.push(`${videoId},post ${i},${soon},${String(6 + i).padStart(2, "0")}:00,UTC,@${username},SELF_ONLY,direct,,,,`);
    const csv = lines.join("\n");
    const preview = (await client.json("/api/imports/preview", { csv })).body;
    expect(preview.valid).toBe(15);
    expect(preview.rows[15].errors).toEqual([{ column: "date", message: expect.stringContaining("Over TikTok's daily cap") }]);
    const all = await client.json("/api/imports/confirm", { csv, rows: preview.rows.map((r: { row: number }) => r.row) });
    expect(all.status).toBe(422);
    expect((await client.json("/api/posts")).body.posts).toEqual([]);
    const fifteen = await client.json("/api/imports/confirm", { csv, rows: preview.rows.slice(0, 15).map((r: { row: number }) => r.row) });
    expect(fifteen.status).toBe(201);
    expect((await client.json("/api/posts")).body.posts).toHaveLength(15);

    const viewer = await invited(client, "viewer", w.fetcher);
    viewer.client.token = (await viewer.client.json("/api/tokens", { name: "t" })).body.token;
    expect((await viewer.client.json("/api/imports/preview", { csv })).status).toBe(403);
    const template = await viewer.client.fetch("/api/imports/template");
    expect(template.headers.get("content-type")).toContain("text/csv");
    const text = await template.text();
    expect(text.split("\n")[0]).toBe(HEADER);
    // The template itself previews (its handle and video are placeholders: errors, never a 400).
    const own = await client.json("/api/imports/preview", { csv: text });
    expect(own.status).toBe(200);
    expect(own.body.rows).toHaveLength(2);
    expect((await client.json("/api/imports/preview", { csv: "a,b\n1,2" })).body.error.code).toBe("csv_columns_missing");
    expect((await client.json("/api/imports/preview", { csv: 'video,date\n"unterminated,2' })).body.error.code).toBe("csv_unreadable");
  });
});
