// Queue slots (Buffer's habit): an account's weekly posting times in its own time zone stay on the wall clock across
// daylight-saving changes, and "Add to queue" puts each post in the next slot nobody holds. Driven time (world.ts).
import { describe, expect, it } from "vitest";
import { nextFreeSlot, slotInstants } from "../../src/slots/next-slot";
import type { Slot } from "../../src/slots/slots.schemas";
import { connectAccount, rows, signedUpClient, uploadVideo } from "./helpers";
import { world } from "./world";

const NY = "America/New_York";
const WEEKDAYS_9AM: Slot[] = [1, 2, 3, 4, 5].map((day) => ({ day, time: "09:00" }));
const at = (iso: string) => Date.parse(iso);
const isoList = (ms: number[]) => ms.map((t) => new Date(t).toISOString());

describe("where queue slots fall", () => {
  it("keeps a weekday 09:00 slot at 09:00 New York time when the clocks go forward (14 March 2027)", () => {
    const slots = slotInstants({ timezone: NY, slots: WEEKDAYS_9AM }, at("2027-03-11T00:00:00Z"), at("2027-03-17T00:00:00Z"));
    expect(isoList(slots)).toEqual([
      "2027-03-11T14:00:00.000Z", // Thursday, EST (UTC−5)
      "2027-03-12T14:00:00.000Z",
      "2027-03-15T13:00:00.000Z", // Monday, EDT (UTC−4)
      "2027-03-16T13:00:00.000Z",
    ]);
  });

  it("moves a slot in the skipped hour forward like a wall clock, and counts two slots landing together once", () => {
    const schedule = {
      timezone: NY,
      slots: [
        { day: 7, time: "02:30" },
        { day: 7, time: "03:30" },
      ],
    };
    const slots = slotInstants(schedule, at("2027-03-14T00:00:00Z"), at("2027-03-15T00:00:00Z"));
    // 02:30 does not exist that night: it becomes 03:30 EDT, the same instant as the 03:30 slot.
    expect(isoList(slots)).toEqual(["2027-03-14T07:30:00.000Z"]);
  });

  it("uses the first 01:30 when the clocks go back (7 November 2027) and keeps the evening slot on the wall clock", () => {
    const schedule = {
      timezone: NY,
      slots: [
        { day: 7, time: "01:30" },
        { day: 7, time: "18:00" },
      ],
    };
    const slots = slotInstants(schedule, at("2027-11-07T00:00:00Z"), at("2027-11-08T06:00:00Z"));
    expect(isoList(slots)).toEqual(["2027-11-07T05:30:00.000Z", "2027-11-07T23:00:00.000Z"]); // 01:30 EDT, 18:00 EST
  });

  it("follows a southern-hemisphere zone whose clocks go back in April (Sydney, 4 April 2027)", () => {
    const schedule = {
      timezone: "Australia/Sydney",
      slots: [
        { day: 6, time: "18:00" },
        { day: 1, time: "18:00" },
      ],
    };
    const slots = slotInstants(schedule, at("2027-04-02T00:00:00Z"), at("2027-04-06T00:00:00Z"));
    expect(isoList(slots)).toEqual(["2027-04-03T07:00:00.000Z", "2027-04-05T08:00:00.000Z"]); // AEDT +11, then AEST +10
  });

  it("skips slots whose minute a post already holds", () => {
    const schedule = { timezone: NY, slots: WEEKDAYS_9AM };
    const held = new Set([at("2027-03-15T13:00:00Z") / 60_000]);
    expect(new Date(nextFreeSlot(schedule, held, at("2027-03-12T15:00:00Z"))!).toISOString()).toBe("2027-03-16T13:00:00.000Z");
    expect(nextFreeSlot({ timezone: NY, slots: [] }, new Set(), at("2027-03-12T15:00:00Z"))).toBeNull();
  });
});

/** A world on Friday 12 March 2027, 10:00 in New York (EST), two days before the clocks go forward. */
async function queueWorld() {
  const w = await world(at("2027-03-12T15:00:00Z"));
  const client = await signedUpClient(w.fetcher);
  const { accountId } = await connectAccount(client);
  const { videoId } = await uploadVideo(client);
  return { w, client, accountId, videoId };
}

const queued = (fields: Record<string, unknown>) => ({
  caption: "Queued #postflare",
  privacyLevel: "SELF_ONLY",
  mode: "direct",
  ...fields,
});

describe("Add to queue", () => {
  it("puts each post in the next free weekday slot, at 09:00 New York time before and after the clocks change", async () => {
    const { w, client, accountId, videoId } = await queueWorld();
    const put = await client.json(`/api/accounts/${accountId}/queue`, { timezone: NY, slots: WEEKDAYS_9AM }, "PUT");
    expect(put.status).toBe(200);
    expect(put.body.schedule).toMatchObject({ accountId, timezone: NY, slots: WEEKDAYS_9AM });
    expect(put.body.next.slice(0, 3)).toEqual(["2027-03-15T13:00:00.000Z", "2027-03-16T13:00:00.000Z", "2027-03-17T13:00:00.000Z"]);

    const first = await client.json("/api/posts/queue", queued({ accountId, videoId }));
    const second = await client.json("/api/posts/queue", queued({ accountId, videoId }));
    expect(first.status).toBe(201);
    expect(first.body.post).toMatchObject({ status: "scheduled", scheduledAt: "2027-03-15T13:00:00.000Z", timezone: NY });
    expect(second.body.post.scheduledAt).toBe("2027-03-16T13:00:00.000Z");

    // A post scheduled by hand at Wednesday 09:00 holds that slot too.
    const manual = await client.json("/api/posts", {
      ...queued({ accountId, videoId }),
      scheduledAt: "2027-03-17T13:00:30Z",
      timezone: NY,
    });
    expect(manual.status).toBe(201);
    const third = await client.json("/api/posts/queue", queued({ accountId, videoId }));
    expect(third.body.post.scheduledAt).toBe("2027-03-18T13:00:00.000Z");

    // The calendar sees every slot of the week, each with the post holding it.
    const week = await client.json(`/api/queue/slots?from=2027-03-15T00:00:00Z&to=2027-03-20T00:00:00Z`);
    expect(week.status).toBe(200);
    expect(week.body.slots).toEqual([
      { accountId, at: "2027-03-15T13:00:00.000Z", postId: first.body.post.id },
      { accountId, at: "2027-03-16T13:00:00.000Z", postId: second.body.post.id },
      { accountId, at: "2027-03-17T13:00:00.000Z", postId: manual.body.post.id },
      { accountId, at: "2027-03-18T13:00:00.000Z", postId: third.body.post.id },
      { accountId, at: "2027-03-19T13:00:00.000Z", postId: null },
    ]);
    await w.release();
  });

  it("frees a slot when its post is cancelled, and refuses an account without a schedule (nothing written)", async () => {
    const { w, client, accountId, videoId } = await queueWorld();
    const refused = await client.json("/api/posts/queue", queued({ accountId, videoId }));
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe("queue_empty");
    expect(await rows("SELECT id FROM posts WHERE account_id = ?", accountId)).toEqual([]);

    await client.json(`/api/accounts/${accountId}/queue`, { timezone: NY, slots: WEEKDAYS_9AM }, "PUT");
    const first = await client.json("/api/posts/queue", queued({ accountId, videoId }));
    await client.fetch(`/api/posts/${first.body.post.id}`, { method: "DELETE" });
    const again = await client.json("/api/posts/queue", queued({ accountId, videoId }));
    expect(again.body.post.scheduledAt).toBe(first.body.post.scheduledAt);
    await w.release();
  });

  it("validates a schedule: real zones, 24-hour times, ISO weekdays; duplicates are stored once", async () => {
    const { w, client, accountId } = await queueWorld();
    for (const body of [
      { timezone: "Mars/Olympus", slots: [] },
      { timezone: NY, slots: [{ day: 8, time: "09:00" }] },
      { timezone: NY, slots: [{ day: 1, time: "9am" }] },
    ]) {
      const res = await client.json(`/api/accounts/${accountId}/queue`, body, "PUT");
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe("invalid_request");
    }
    const slots = [
      { day: 2, time: "18:00" },
      { day: 1, time: "09:00" },
      { day: 2, time: "18:00" },
    ];
    const saved = await client.json(`/api/accounts/${accountId}/queue`, { timezone: NY, slots }, "PUT");
    expect(saved.body.schedule.slots).toEqual([
      { day: 1, time: "09:00" },
      { day: 2, time: "18:00" },
    ]);
    const other = await signedUpClient(w.fetcher);
    expect((await other.json(`/api/accounts/${accountId}/queue`)).status).toBe(404);
    await w.release();
  });
});
