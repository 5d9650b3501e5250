// The daily digest (issue 14): from 08:00 in the workspace's time zone, once a local day, to the people and the
// channels that opted in, saying how the last 24 hours went, what the next 24 hold, and the one thing to do.
import { afterEach, describe, expect, it } from "vitest";
import { connectAccount, emu, schedulePost, signedUpWithToken, unique, uploadVideo } from "./helpers";
import { received, sinkUrl, tickAndDrain } from "./integration-helpers";
import { invited } from "./team-helpers";
import { type World, world } from "./world";

let w: World;
afterEach(() => w?.release());

const HOUR = 3600_000;
/** 22:00 UTC two days ahead: 07:00 in Tokyo (UTC+9 all year), an hour before its digest. */
const sevenInTokyo = () => {
  const d = new Date(Date.now() + 2 * 24 * HOUR);
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate(), 22);
};

type Note = { alert: string; title: string; body: string; link: string };
const digests = (notes: Note[]) => notes.filter((n) => n.alert === "digest");

describe("the daily digest", () => {
  it("reaches those who opted in once a local day, from 08:00 in the workspace's zone, with the day's figures", async () => {
    w = await world(sevenInTokyo());
    const owner = await signedUpWithToken(w.fetcher);
    const viewer = await invited(owner, "viewer", w.fetcher);
    viewer.client.token = (await viewer.client.json("/api/tokens", { name: "t" })).body.token;
    expect((await owner.json("/api/settings", { timezone: "Asia/Tokyo" }, "PUT")).status).toBe(200);
    await owner.json("/api/alerts/preferences", { digest: ["in_app", "email"], failed: [] }, "PUT");
    const slack = unique("slack");
    expect((await owner.json("/api/alert-channels", { kind: "slack", url: sinkUrl(slack), alerts: ["digest"] })).status).toBe(201);

    const { accountId, openId } = await connectAccount(owner);
    const { videoId } = await uploadVideo(owner);
    const ok = await schedulePost(owner, accountId, videoId, { caption: "went out", scheduledAt: w.at(20_000) });
    await w.publish(owner, [accountId], [ok.id]);
    await emu("/__emu/faults", "PUT", { openId, failReason: "spam_risk_too_many_posts" });
    const bad = await schedulePost(owner, accountId, videoId, { caption: "refused", scheduledAt: w.at(20_000) });
    const [failed] = await w.publish(owner, [accountId], [bad.id]);
    await emu(`/__emu/faults?openId=${openId}`, "DELETE");
    expect(failed!.post.status).toBe("failed");
    await schedulePost(owner, accountId, videoId, { caption: "later today", scheduledAt: w.at(5 * HOUR) });
    await tickAndDrain(w);
    expect(digests((await owner.json("/api/notifications")).body.notifications)).toEqual([]); // 07:0x in Tokyo

    await w.advanceTo(sevenInTokyo() + HOUR + 60_000); // 08:01 in Tokyo
    await tickAndDrain(w);
    await w.advanceTo(w.now() + 60_000);
    await tickAndDrain(w);

    const [digest, ...more] = digests((await owner.json("/api/notifications")).body.notifications);
    expect(more).toEqual([]);
    expect(digest!.title).toMatch(/^Your Postflare day, \w{3} \d{1,2} \w{3}$/);
    expect(digest!.body).toBe(
      "Last 24 hours: 1 published, 1 failed, 0 missed, 0 unconfirmed. Next 24 hours: 1 post scheduled. " +
        "To do: look at the 1 post that did not go out and reschedule or cancel them.",
    );
    expect(digest!.link).toBe("http://localhost:8787/posts");
    const emails = (await owner.json("/api/email-outbox")).body.emails.filter((e: { subject: string }) => e.subject.includes("day"));
    expect(emails).toHaveLength(1);
    expect(emails[0].text).toContain("Last 24 hours: 1 published, 1 failed");
    const chat = await received(slack);
    expect(chat).toHaveLength(1);
    expect(JSON.parse(chat[0]!.body).text).toContain("Next 24 hours: 1 post scheduled.");
    expect(digests((await viewer.client.json("/api/notifications")).body.notifications)).toEqual([]); // did not opt in
  });

  it("sends nothing when nobody opted in", async () => {
    w = await world(sevenInTokyo() + 3 * HOUR);
    const owner = await signedUpWithToken(w.fetcher);
    await tickAndDrain(w);
    expect(digests((await owner.json("/api/notifications")).body.notifications)).toEqual([]);
  });
});
