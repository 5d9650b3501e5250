// The calendar's arithmetic (web/src/lib/calendar.ts): month grids from the locale's first weekday, where a dropped
// post lands across a daylight-saving change, and TikTok's rolling 24 h count per account and day.
import { describe, expect, it } from "vitest";
import type { Post } from "../../web/src/api.ts";
import { DAILY_POST_CAP, droppedAt, monthGrid, parseKey, rollingCounts } from "../../web/src/lib/calendar.ts";

const NY = "America/New_York";

function post(accountId: string, at: string, fields: Partial<Post> = {}): Post {
  return { id: `${accountId}-${at}`, accountId, scheduledAt: at, status: "scheduled", mode: "direct", ...fields } as Post;
}

describe("calendar arithmetic", () => {
  it("lays a month out in six weeks from the locale's first weekday", () => {
    const sunday = monthGrid(parseKey("2027-03-16")!, 7);
    expect(sunday[0]![0]!.key).toBe("2027-02-28"); // US: weeks start on Sunday
    const monday = monthGrid(parseKey("2027-03-16")!, 1);
    expect(monday[0]![0]!.key).toBe("2027-03-01"); // France: on Monday
    expect(monday.flat()).toHaveLength(42);
  });

  it("keeps a post's New York wall-clock time when it is dragged across the spring change", () => {
    const friday = Date.parse("2027-03-12T14:30:00Z"); // 09:30 EST
    expect(new Date(droppedAt(friday, parseKey("2027-03-15")!, NY)).toISOString()).toBe("2027-03-15T13:30:00.000Z"); // 09:30 EDT
    expect(new Date(droppedAt(friday, parseKey("2027-03-15")!, NY, 18)).toISOString()).toBe("2027-03-15T22:30:00.000Z");
  });

  it("counts each account's direct posts in TikTok's rolling 24 hours, including the evening before", () => {
    const evening = Array.from({ length: 10 }, (_, i) =>
      post("a", new Date(Date.parse("2027-03-10T20:00:00Z") + i * 60_000).toISOString()),
    );
    const morning = Array.from({ length: 5 }, (_, i) => post("a", new Date(Date.parse("2027-03-11T09:00:00Z") + i * 60_000).toISOString()));
    const others = [
      post("b", "2027-03-11T10:00:00Z"),
      post("a", "2027-03-11T11:00:00Z", { mode: "inbox" }),
      post("a", "2027-03-11T12:00:00Z", { status: "cancelled" }),
    ];
    const counts = rollingCounts([...evening, ...morning, ...others], "UTC");
    expect(counts.get("a|2027-03-10")).toBe(10);
    expect(counts.get("a|2027-03-11")).toBe(DAILY_POST_CAP); // 10 from the evening before + 5: at the cap
    expect(counts.get("b|2027-03-11")).toBe(1);
  });
});
