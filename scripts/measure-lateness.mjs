import { readFileSync } from "node:fs";

// Measures start lateness against a running `npm start`: connects a fresh emulator user, schedules a few posts
// (some enqueued at once, some claimed by the cron tick) and prints TikTok init time minus scheduled time.
// Usage: npm start (in another shell), then: npx node scripts/measure-lateness.mjs
const APP = process.env.APP_URL ?? "http://localhost:8787",
  EMU = process.env.EMULATOR_URL ?? "http://127.0.0.1:8788";
let cookie = "";
async function call(p, method = "GET", body, raw) {
  const headers = { origin: APP, cookie };
  if (body !== undefined) headers["content-type"] = "application/json";
  const res = await fetch(APP + p, {
    method,
    headers,
    body: raw ?? (body === undefined ? undefined : JSON.stringify(body)),
    redirect: "manual",
  });
  const sc = res.headers.get("set-cookie");
  if (sc) cookie = sc.split(";")[0];
  return res;
}
const json = async (...a) => (await call(...a)).json();
const user = `demo${Date.now().toString(36)}`;
await json("/api/auth/signup", "POST", { email: `${user}@example.com`, password: "correct horse battery" });
const auth = new URL((await call("/api/accounts/tiktok/connect")).headers.get("location"));
auth.searchParams.set("emu_auto", "approve");
auth.searchParams.set("emu_username", user);
const cb = new URL((await fetch(auth, { redirect: "manual" })).headers.get("location"));
const back = new URL((await call(cb.pathname + cb.search)).headers.get("location"), APP);
const accountId = back.searchParams.get("connected");
const bytes = readFileSync(new URL("../test/fixtures/sample-3s.mp4", import.meta.url));
const { video } = await json("/api/videos", "POST", { filename: "sample.mp4", size: bytes.length, contentType: "video/mp4" });
await call(`/api/videos/${video.id}/parts/1`, "PUT", undefined, bytes);
await json(`/api/videos/${video.id}/complete`, "POST", {});
// The probe runs on the media queue: wait for the verdict before scheduling (a video still processing is refused).
for (let i = 0; i < 200 && (await json(`/api/videos/${video.id}`)).video.status === "processing"; i++) {
  await new Promise((r) => setTimeout(r, 100));
}
const now = Date.now();
const at = (ms) => new Date(Math.ceil((now + ms) / 1000) * 1000 + 0).toISOString();
const times = [at(15_000), at(28_000), at(41_000), at(95_000), at(110_000)];
const ids = [];
for (const [i, t] of times.entries()) {
  const r = await json("/api/posts", "POST", {
    accountId,
    videoId: video.id,
    caption: `demo ${i}`,
    privacyLevel: "PUBLIC_TO_EVERYONE",
    scheduledAt: t,
    timezone: "Europe/Paris",
    mode: "direct",
  });
  ids.push(r.post.id);
  console.log("scheduled", r.post.id, t, r.post.status);
}
for (;;) {
  const posts = await Promise.all(ids.map((id) => json(`/api/posts/${id}`)));
  if (
    posts.every(
      (p) => ["published", "failed", "unconfirmed"].includes(p.post.status) && (p.post.status !== "published" || p.post.tiktokPostId),
    )
  ) {
    const { open_id } = await (await fetch(`${EMU}/__emu/users/${user}`)).json();
    const rec = await (await fetch(`${EMU}/__emu/record?openId=${open_id}`)).json();
    for (const p of posts) {
      const init = rec.inits.find((i) => i.publish_id === p.post.publishId);
      console.log(
        p.post.id,
        p.post.status,
        "scheduled",
        p.post.scheduledAt,
        "tiktok init",
        new Date(init.at).toISOString(),
        "lateness(init-scheduled) ms =",
        init.at - Date.parse(p.post.scheduledAt),
        "api startLatenessMs",
        p.post.timing.startLatenessMs,
        "post id",
        p.post.tiktokPostId,
        "events",
        p.events.map((e) => e.type).join(","),
      );
    }
    break;
  }
  await new Promise((r) => setTimeout(r, 1000));
}
