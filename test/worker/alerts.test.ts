// Alerts (issue 14): a failed post reaches each person and channel once, even when its events and messages arrive
// twice; Slack, Discord and the email provider (the local sink) receive the right words; preferences are honoured;
// the notification centre counts and marks; without a provider, the development outbox keeps every email.
import { afterEach, describe, expect, it } from "vitest";
import { type Client, connectAccount, emu, rows, schedulePost, signedUpWithToken, unique, uploadVideo } from "./helpers";
import { answerWith, received, sinkUrl, tickAndDrain } from "./integration-helpers";
import { invited, me } from "./team-helpers";
import { type World, world } from "./world";

let w: World;
afterEach(() => w?.release());

async function failedPost(client: Client, caption = "launch teaser") {
  const { accountId, openId } = await connectAccount(client);
  const { videoId } = await uploadVideo(client);
  await emu("/__emu/faults", "PUT", { openId, failReason: "spam_risk_too_many_posts" });
  const post = await schedulePost(client, accountId, videoId, { caption, scheduledAt: w.at(20_000) });
  const [done] = await w.publish(client, [accountId], [post.id]);
  await emu(`/__emu/faults?openId=${openId}`, "DELETE");
  expect(done!.post.status).toBe("failed");
  return done!.post as { id: string; lastError: { message: string } };
}

async function channel(client: Client, kind: "slack" | "discord", name: string, alerts: string[]) {
  const res = await client.json("/api/alert-channels", { kind, url: sinkUrl(name), alerts });
  expect(res.status).toBe(201);
  return res.body.channel;
}

describe("alerts", () => {
  it("sends a failed post's alert once per channel with what happened, to which post, what to do and a link", async () => {
    w = await world(undefined, { EMAIL_API_KEY: "re_test_key", EMAIL_API_BASE: sinkUrl(unique("mail")) });
    const mail = new URL(w.env.EMAIL_API_BASE).pathname.slice(1);
    const owner = await signedUpWithToken(w.fetcher);
    const slack = unique("slack");
    const discord = unique("discord");
    await channel(owner, "slack", slack, ["failed"]);
    await channel(owner, "discord", discord, ["failed", "missed"]);
    const post = await failedPost(owner);

    await w.tick();
    for (let round = 0; round < 4; round++) {
      w.integrationSent.push(...w.integrationSent.map((m) => ({ ...m }))); // every message twice
      await w.deliverIntegrations();
    }
    await tickAndDrain(w);

    const [s] = await received(slack);
    expect((await received(slack)).length).toBe(1);
    const slackText = JSON.parse(s!.body).text as string;
    expect(slackText).toContain("*Post failed*");
    expect(slackText).toContain("“launch teaser”");
    expect(slackText).toMatch(/“launch teaser” \(due \w{3} \d{1,2} \w{3}, \d{2}:\d{2} [A-Za-z_/]+\) failed/); // local, not ISO
    expect(slackText).toContain(post.lastError.message);
    expect(slackText).toContain("To do: fix that, then reschedule it.");
    expect(slackText).toContain(`<http://localhost:8787/posts/${post.id}|Open in Postflare>`);
    const d = await received(discord);
    expect(d).toHaveLength(1);
    expect(JSON.parse(d[0]!.body).content).toMatch(/^\*\*Post failed\*\*\nYour post “launch teaser”/);

    const emails = await received(mail);
    expect(emails).toHaveLength(1);
    expect(emails[0]!.path).toBe(`/${mail}/emails`);
    expect(emails[0]!.headers.authorization).toBe("Bearer re_test_key");
    expect(emails[0]!.headers["idempotency-key"]).toContain(`${post.id}:post.failed:`);
    const email = JSON.parse(emails[0]!.body);
    expect(email).toMatchObject({ to: [(await me(owner)).user.email], subject: "Postflare: Post failed" });
    expect(email.text).toContain(`http://localhost:8787/posts/${post.id}`);
    expect(email.text).toContain("change them at http://localhost:8787/integrations");

    const inbox = await owner.json("/api/notifications");
    expect(inbox.body.unread).toBe(1);
    expect(inbox.body.notifications).toEqual([expect.objectContaining({ alert: "failed", title: "Post failed", readAt: null })]);
    const ws = (await me(owner)).workspace.id;
    expect(await rows("SELECT channel, status, attempts FROM alert_deliveries WHERE workspace_id = ? ORDER BY channel", ws)).toEqual([
      { channel: "discord", status: "sent", attempts: 1 },
      { channel: "email", status: "sent", attempts: 1 },
      { channel: "slack", status: "sent", attempts: 1 },
    ]);
  });

  it("honours each person's preferences, and marks notifications read", async () => {
    w = await world();
    const owner = await signedUpWithToken(w.fetcher);
    const editor = await invited(owner, "editor", w.fetcher);
    const viewer = await invited(owner, "viewer", w.fetcher);
    const editorToken = (await editor.client.json("/api/tokens", { name: "t" })).body.token as string;
    const viewerToken = (await viewer.client.json("/api/tokens", { name: "t" })).body.token as string;
    editor.client.token = editorToken;
    viewer.client.token = viewerToken;
    // The owner wants failures in the app only; the editor wants nothing of them; the viewer keeps the defaults.
    const put = await owner.json("/api/alerts/preferences", { failed: ["in_app"], published: ["in_app"] }, "PUT");
    expect(put.body.preferences).toMatchObject({ failed: ["in_app"], missed: ["in_app", "email"], published: ["in_app"] });
    await editor.client.json("/api/alerts/preferences", { failed: [] }, "PUT");
    expect((await editor.client.json("/api/alerts/preferences")).body.preferences.failed).toEqual([]);
    await failedPost(owner, "second try");
    await tickAndDrain(w);

    expect((await owner.json("/api/notifications")).body.unread).toBe(1);
    expect((await editor.client.json("/api/notifications")).body).toEqual({ notifications: [], unread: 0 });
    expect((await viewer.client.json("/api/notifications")).body.unread).toBe(1);
    // Email: only the viewer (defaults), into the development outbox as no provider is configured.
    const outbox = await owner.json("/api/email-outbox");
    expect(outbox.body.emails.map((e: { to: string; subject: string }) => [e.to, e.subject])).toEqual([
      [viewer.email, "Postflare: Post failed"],
    ]);
    expect(outbox.body.emails[0].text).toContain("“second try”");
    expect((await viewer.client.json("/api/email-outbox")).status).toBe(403);
    const page = await owner.fetch("/api/email-outbox/page");
    expect(page.headers.get("content-type")).toContain("text/html");
    const html = await page.text();
    expect(html).toContain("<h2>Postflare: Post failed</h2>");
    expect(html).toContain(`To ${viewer.email}`);
    expect(html).toContain("“second try”");

    const [note] = (await owner.json("/api/notifications")).body.notifications;
    const read = await owner.json("/api/notifications/read", { ids: [note.id] });
    expect(read.body.unread).toBe(0);
    expect(read.body.notifications[0].readAt).toBe(new Date(w.now()).toISOString());
    expect((await viewer.client.json("/api/notifications/read", { all: true })).body.unread).toBe(0);
    expect((await owner.json("/api/notifications/read", {})).status).toBe(400);
  });

  it("reaches every member of a team larger than one D1 statement's 100 bound values", async () => {
    w = await world();
    const owner = await signedUpWithToken(w.fetcher);
    const team = [];
    for (let i = 0; i < 11; i++) team.push(await invited(owner, "viewer", w.fetcher));
    for (let i = 0; i < 8; i++) await owner.json("/api/webhook-endpoints", { url: sinkUrl(unique("hook")), events: ["post.failed"] });
    await failedPost(owner, "big team");
    await tickAndDrain(w);
    const ws = (await me(owner)).workspace.id;
    // 12 people × (in-app + email) and 8 endpoints: 12 notification rows (10 columns), 12 email and 8 webhook deliveries.
    expect(await rows("SELECT count(*) AS n FROM notifications WHERE workspace_id = ?", ws)).toEqual([{ n: 12 }]);
    expect(await rows("SELECT count(*) AS n FROM alert_deliveries WHERE workspace_id = ? AND status = 'sent'", ws)).toEqual([{ n: 12 }]);
    const emails = (await owner.json("/api/email-outbox")).body.emails as { to: string }[];
    expect(new Set(emails.map((e) => e.to))).toEqual(new Set([(await me(owner)).user.email, ...team.map((m) => m.email)]));
    expect(
      await rows(
        "SELECT count(*) AS n FROM webhook_deliveries d JOIN webhook_endpoints e ON e.id = d.endpoint_id WHERE e.workspace_id = ? AND d.status = 'delivered'",
        ws,
      ),
    ).toEqual([{ n: 8 }]);
  });

  it("retries a chat hook that fails, with backoff, and sends the alert once it answers", async () => {
    w = await world();
    const owner = await signedUpWithToken(w.fetcher);
    const slack = unique("slack");
    await channel(owner, "slack", slack, ["failed"]);
    await owner.json("/api/alerts/preferences", { failed: [] }, "PUT");
    await answerWith(slack, [500]);
    await failedPost(owner);
    await w.tick();
    await w.deliverIntegrations(); // dispatch
    await w.deliverIntegrations(); // first attempt: 500
    expect(w.integrationSent.map((m) => m.delaySeconds)).toEqual([30]);
    await w.advanceTo(w.now() + 30_000);
    await w.deliverIntegrations();
    expect((await received(slack)).map((r) => r.body)).toHaveLength(2);
    const ws = (await me(owner)).workspace.id;
    expect(await rows("SELECT status, attempts FROM alert_deliveries WHERE workspace_id = ? AND channel = 'slack'", ws)).toEqual([
      { status: "sent", attempts: 2 },
    ]);
    const listed = await owner.json("/api/alert-channels");
    expect(listed.body.channels[0].urlHint).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/…$/);
    expect(JSON.stringify(listed.body)).not.toContain(slack);
  });

  it("warns in the app when the pre-flight check finds a problem, and tells about a publish only to those who opted in", async () => {
    w = await world();
    const owner = await signedUpWithToken(w.fetcher);
    const viewer = await invited(owner, "viewer", w.fetcher);
    viewer.client.token = (await viewer.client.json("/api/tokens", { name: "t" })).body.token;
    await owner.json("/api/alerts/preferences", { published: ["in_app"] }, "PUT");
    const { accountId, username } = await connectAccount(owner);
    const { videoId } = await uploadVideo(owner);
    const risky = await schedulePost(owner, accountId, videoId, {
      caption: "public one",
      privacyLevel: "PUBLIC_TO_EVERYONE",
      scheduledAt: w.at(3600_000),
    });
    await emu(`/__emu/users/${username}`, "PUT", { isPrivate: true });
    const stub = await w.publisher(accountId);
    await stub.preflight({ kind: "preflight", postId: risky.id, accountId, scheduledAt: Date.parse(risky.scheduledAt) });
    await emu(`/__emu/users/${username}`, "PUT", { isPrivate: false });
    const fine = await schedulePost(owner, accountId, videoId, { caption: "goes out", scheduledAt: w.at(20_000) });
    await w.publish(owner, [accountId], [fine.id]);
    await tickAndDrain(w);

    const mine = (await owner.json("/api/notifications")).body.notifications.map((n: { title: string; body: string }) => [n.title, n.body]);
    expect(mine).toEqual([
      ["Post published", expect.stringContaining("“goes out”")],
      ["Post at risk", expect.stringMatching(/“public one”.*pick who can view it again.*To do: fix it before its time\./)],
    ]);
    const theirs = (await viewer.client.json("/api/notifications")).body.notifications.map((n: { title: string }) => n.title);
    expect(theirs).toEqual(["Post at risk"]);
  });
});
