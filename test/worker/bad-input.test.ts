// The bad-input suite over every route with a JSON body (the list comes from the OpenAPI document): malformed JSON,
// wrong types, unknown fields (request bodies are strict objects), oversized bodies, control characters and null
// bytes, huge and fractional numbers; plus time zones, DST-gap local times and far-future dates for posts. Every
// answer is a clear 4xx in the one error shape, and the database is byte for byte what it was before.
import { beforeAll, describe, expect, it } from "vitest";
import { type Client, connectAccount, databaseSnapshot, postRequest, signedUpClient, uploadVideo } from "./helpers";
import { invited, me } from "./team-helpers";

type Schema = { type?: string; properties?: Record<string, Schema>; $ref?: string; enum?: unknown[]; anyOf?: Schema[] };
type Op = { requestBody?: { content?: Record<string, { schema: Schema }> } };
type Doc = { paths: Record<string, Record<string, Op>>; components: { schemas: Record<string, Schema> } };

let owner: Client;
let ids: Record<string, string>;
const future = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString();

/** A body each route accepts, so that each variant below changes exactly one thing. */
function validBody(key: string): Record<string, unknown> {
  const bodies: Record<string, Record<string, unknown>> = {
    "POST /auth/signup": { email: "new.person@example.com", password: "a long enough passphrase" },
    "POST /auth/login": { email: "new.person@example.com", password: "a long enough passphrase" },
    "POST /auth/password": { currentPassword: "correct horse battery", newPassword: "another long passphrase" },
    "POST /posts": {
      accountId: ids.account,
      videoId: ids.video,
      caption: "hi",
      privacyLevel: "SELF_ONLY",
      scheduledAt: future(3),
      timezone: "Europe/Paris",
      latePolicyMinutes: 30,
      disableComment: false,
    },
    "PATCH /posts/{id}": { caption: "edited", latePolicyMinutes: 30, disableDuet: true },
    "POST /posts/{id}/reject": { reason: "no" },
    "POST /videos": { filename: "clip.mp4", size: 1000, contentType: "video/mp4" },
    "POST /tokens": { name: "script" },
    "POST /invites": { role: "viewer", email: "someone@example.com" },
    "POST /invites/accept": { token: `inv_${"a".repeat(43)}` },
    "POST /invites/preview": { token: `inv_${"a".repeat(43)}` },
    "PATCH /members/{userId}": { role: "viewer" },
    "POST /workspaces": { name: "Second" },
    "POST /workspaces/switch": { workspaceId: "ws_nowhere" },
    "PATCH /workspace": { name: "Renamed", requireApproval: true },
    "DELETE /workspace": { confirm: "not its name" },
    "DELETE /me": { password: "not my password 1", confirm: "delete my account" },
    // The planner (issue 13).
    "POST /drafts": { accountId: ids.account, videoId: ids.video, caption: "later", timezone: "Europe/Paris", latePolicyMinutes: 30 },
    "PATCH /drafts/{id}": { caption: "edited", latePolicyMinutes: 30, disableDuet: true },
    "POST /posts/{id}/schedule": { scheduledAt: future(3), privacyLevel: "SELF_ONLY", latePolicyMinutes: 30 },
    "POST /posts/queue": { accountId: ids.account, videoId: ids.video, privacyLevel: "SELF_ONLY", latePolicyMinutes: 30 },
    "POST /posts/bulk": { action: "reschedule", ids: [ids.post], shiftMinutes: 60 },
    "PUT /accounts/{id}/queue": { timezone: "Europe/Paris", slots: [{ day: 1, time: "09:00" }] },
    "PUT /settings": { timezone: "Europe/Paris" },
    "POST /hashtag-groups": { name: "Food", hashtags: ["#food"] },
    "PUT /hashtag-groups/{id}": { name: "Food", hashtags: ["#food"] },
    "POST /caption-templates": { name: "Launch", body: "New!" },
    "PUT /caption-templates/{id}": { name: "Launch", body: "New!" },
    "POST /webhook-endpoints": { url: "https://hooks.example.com/x", events: ["post.failed"] },
    "PATCH /webhook-endpoints/{id}": { url: "https://hooks.example.com/y", events: ["post.failed"], enabled: false },
    "POST /alert-channels": { kind: "slack", url: "https://hooks.slack.com/services/x", alerts: ["failed"] },
    "PUT /alerts/preferences": { failed: ["in_app"], published: [] },
    "POST /notifications/read": { all: true },
    "POST /imports/preview": { csv: "video,date,time,time_zone,account\nclip.mp4,2027-01-01,10:00,UTC,@nobody" },
    "POST /imports/confirm": { csv: "video,date,time,time_zone,account\nclip.mp4,2027-01-01,10:00,UTC,@nobody", rows: [2] },
  };
  return bodies[key] ?? {};
}

const path = (p: string) =>
  `/api${p
    // A draft is the post the schedule route moves; every other post route takes the scheduled post.
    .replace("/posts/{id}/schedule", `/posts/${ids.draft}/schedule`)
    .replace("/posts/{id}", `/posts/${ids.post}`)
    .replace("/drafts/{id}", `/drafts/${ids.draft}`)
    .replace("/accounts/{id}", `/accounts/${ids.account}`)
    .replace("/hashtag-groups/{id}", `/hashtag-groups/${ids.group}`)
    .replace("/caption-templates/{id}", `/caption-templates/${ids.template}`)
    .replace("{userId}", ids.member!)
    .replace("/videos/{id}", `/videos/${ids.video}`)
    .replace("/webhook-endpoints/{id}", `/webhook-endpoints/${ids.endpoint}`)}`;

function resolve(doc: Doc, schema: Schema): Schema {
  if (schema.$ref) return resolve(doc, doc.components.schemas[schema.$ref.split("/").at(-1)!]!);
  return schema;
}

/** The type of each top-level field of a route's JSON body, from the OpenAPI document. */
function fieldTypes(doc: Doc, op: Op) {
  const schema = op.requestBody?.content?.["application/json"]?.schema;
  if (!schema) return null;
  const props = resolve(doc, schema).properties ?? {};
  return Object.fromEntries(Object.entries(props).map(([name, s]) => [name, resolve(doc, s).type ?? (s.anyOf ? "union" : "enum")]));
}

/** One-field variants of a valid body that must each be refused. */
function variants(valid: Record<string, unknown>, types: Record<string, string>) {
  const out: [string, string][] = [
    ["malformed JSON", "{not json"],
    ["truncated JSON", JSON.stringify(valid).slice(0, -3)],
    ["an array", "[]"],
    ["null", "null"],
    ["a string", '"hello"'],
    ["an unknown field", JSON.stringify({ ...valid, isAdmin: true })],
    ["a mass-assigned status", JSON.stringify({ ...valid, status: "published", workspaceId: "ws_other" })],
  ];
  for (const [field, type] of Object.entries(types)) {
    const base = { ...valid, [field]: valid[field] ?? (type === "string" ? "x" : type === "number" || type === "integer" ? 1 : true) };
    if (type === "string") {
      out.push([`${field}: a number`, JSON.stringify({ ...base, [field]: 12345 })]);
      out.push([`${field}: a null byte`, JSON.stringify({ ...base, [field]: `abc\u0000def ghijk` })]);
      out.push([`${field}: a control character`, JSON.stringify({ ...base, [field]: `abc\u0007def ghijk` })]);
      out.push([`${field}: an object`, JSON.stringify({ ...base, [field]: { $gt: "" } })]);
    }
    if (type === "number" || type === "integer") {
      for (const n of ["1e308", "18446744073709551616", "-5", "1.5", "1e400"])
        out.push([`${field}: ${n}`, JSON.stringify(base).replace(`"${field}":${JSON.stringify(base[field])}`, `"${field}":${n}`)]);
      out.push([`${field}: a string`, JSON.stringify({ ...base, [field]: "30" })]);
    }
    if (type === "boolean") out.push([`${field}: "true"`, JSON.stringify({ ...base, [field]: "true" })]);
  }
  return out;
}

beforeAll(async () => {
  owner = await signedUpClient();
  const { accountId } = await connectAccount(owner);
  const { videoId } = await uploadVideo(owner);
  const { body } = await postRequest(owner, { accountId, videoId });
  const member = await invited(owner, "viewer");
  const draft = (await owner.json("/api/drafts", { accountId, videoId, timezone: "Europe/Paris", privacyLevel: "SELF_ONLY" })).body.post.id;
  const group = (await owner.json("/api/hashtag-groups", { name: "Food", hashtags: ["#food"] })).body.group.id;
  const template = (await owner.json("/api/caption-templates", { name: "Launch", body: "New!" })).body.template.id;
  const hook = await owner.json("/api/webhook-endpoints", { url: "https://hooks.example.com/a", events: ["post.failed"] });
  ids = {
    account: accountId,
    video: videoId,
    post: body.post.id,
    member: member.userId,
    workspace: (await me(owner)).workspace.id,
    draft,
    group,
    template,
    endpoint: hook.body.endpoint.id,
  };
});

async function expectRefused(res: Response, what: string) {
  expect(res.status, what).toBeGreaterThanOrEqual(400);
  expect(res.status, what).toBeLessThan(500);
  expect(res.headers.get("content-type"), what).toContain("application/json");
  const body = (await res.json()) as any;
  expect(Object.keys(body), what).toEqual(["error"]);
  expect(body.error.code, what).toMatch(/^[a-z_]+$/);
  return res.status;
}

describe("bad input on every route with a JSON body", () => {
  it("answers each malformed, mistyped, unknown, control-character or huge value with a 4xx, and writes nothing", async () => {
    const doc = (await (await owner.fetch("/api/openapi.json")).json()) as Doc;
    const before = await databaseSnapshot();
    const tried: string[] = [];
    for (const [p, ops] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(ops)) {
        const types = fieldTypes(doc, op);
        if (!types) continue;
        const key = `${method.toUpperCase()} ${p}`;
        for (const [what, raw] of variants(validBody(key), types)) {
          const res = await owner.fetch(path(p), {
            method: method.toUpperCase(),
            headers: { "content-type": "application/json" },
            body: raw,
          });
          expect(await expectRefused(res, `${key} with ${what}`), `${key} with ${what}`).toBe(400);
          tried.push(`${key}: ${what}`);
        }
        const big = await owner.fetch(path(p), {
          method: method.toUpperCase(),
          headers: { "content-type": "application/json" },
          body: `"${"x".repeat(70_000)}"`,
        });
        expect(await expectRefused(big, `${key} oversized`), `${key} oversized`).toBe(413);
      }
    }
    expect(tried.length).toBeGreaterThan(150);
    expect(await databaseSnapshot()).toEqual(before);
  });
});

/** 02:30 on the last Sunday of March (Europe/Paris springs from 02:00 to 03:00): a local time that does not exist. */
function nextParisGap() {
  const now = new Date();
  for (let year = now.getUTCFullYear(); ; year++) {
    const lastSunday = 31 - new Date(Date.UTC(year, 2, 31)).getUTCDay();
    const gap = `${year}-03-${String(lastSunday).padStart(2, "0")}T02:30:00+01:00`;
    if (Date.parse(gap) > Date.now() + 86_400_000) return gap;
  }
}

describe("times and time zones of a post", () => {
  it("refuses invalid and non-canonical zones, DST-gap and foreign-offset local times, impossible and far-future dates", async () => {
    const before = await databaseSnapshot();
    const cases: [string, Record<string, unknown>, string][] = [
      ["an unknown zone", { timezone: "Mars/Olympus_Mons" }, "invalid_request"],
      ["a lower-case zone", { timezone: "europe/paris" }, "invalid_request"],
      ["an upper-case zone", { timezone: "EUROPE/PARIS" }, "invalid_request"],
      ["an offset for a zone", { timezone: "+01:00" }, "invalid_request"],
      ["an empty zone", { timezone: "" }, "invalid_request"],
      ["a zone with a null byte", { timezone: "Europe/Paris\u0000" }, "invalid_request"],
      ["a local time in the DST gap", { scheduledAt: nextParisGap(), timezone: "Europe/Paris" }, "time_not_in_zone"],
      ["another zone's offset", { scheduledAt: future(30).replace("Z", "+05:00"), timezone: "Europe/Paris" }, "offset_mismatch"],
      ["a time without an offset", { scheduledAt: future(3).replace("Z", "") }, "invalid_request"],
      ["February 30th", { scheduledAt: "2027-02-30T10:00:00Z" }, "invalid_request"],
      ["25:00", { scheduledAt: "2027-01-10T25:00:00Z" }, "invalid_request"],
      ["the year 2099", { scheduledAt: "2099-01-01T00:00:00Z" }, "scheduled_too_far"],
      ["the largest date JS knows", { scheduledAt: "+275760-09-13T00:00:00Z" }, "invalid_request"],
      ["a time in the past", { scheduledAt: "2020-01-01T00:00:00Z" }, "scheduled_in_past"],
    ];
    for (const [what, fields, code] of cases) {
      const created = await postRequest(owner, { accountId: ids.account, videoId: ids.video, ...fields });
      expect([created.status, created.body.error?.code], `create with ${what}`).toEqual([400, code]);
      const edited = await owner.json(`/api/posts/${ids.post}`, { scheduledAt: future(4), timezone: "Europe/Paris", ...fields }, "PATCH");
      expect([edited.status, edited.body.error?.code], `edit with ${what}`).toEqual([400, code]);
      const scheduled = await owner.json(`/api/posts/${ids.draft}/schedule`, {
        scheduledAt: future(4),
        timezone: "Europe/Paris",
        ...fields,
      });
      expect([scheduled.status, scheduled.body.error?.code], `schedule a draft with ${what}`).toEqual([400, code]);
      if (!("timezone" in fields) || "scheduledAt" in fields) continue;
      // The planner's other zones: the workspace's remembered one, a posting schedule's, a draft's.
      const zone = fields.timezone;
      const remembered = await owner.json("/api/settings", { timezone: zone }, "PUT");
      expect([remembered.status, remembered.body.error?.code], `workspace zone ${what}`).toEqual([400, code]);
      const queue = await owner.json(`/api/accounts/${ids.account}/queue`, { timezone: zone, slots: [] }, "PUT");
      expect([queue.status, queue.body.error?.code], `queue zone ${what}`).toEqual([400, code]);
      const draft = await owner.json(`/api/drafts/${ids.draft}`, { timezone: zone }, "PATCH");
      expect([draft.status, draft.body.error?.code], `draft zone ${what}`).toEqual([400, code]);
    }
    expect(await databaseSnapshot()).toEqual(before);
    // The same wall time an hour later exists; sent with its right offset it is accepted.
    const ok = await postRequest(owner, {
      accountId: ids.account,
      videoId: ids.video,
      scheduledAt: nextParisGap().replace("02:30:00+01:00", "03:30:00+02:00"),
      timezone: "Europe/Paris",
    });
    expect(ok.status).toBe(201);
  });
});

describe("bad input on the video routes with raw bodies, and the cover frame", () => {
  it("refuses wrong part numbers and sizes, non-image or oversized thumbnails, and impossible cover times, writing nothing", async () => {
    // An upload of two parts still open (its row is written before the snapshot).
    const size = 32 * 1024 * 1024 + 10;
    const open = (await owner.json("/api/videos", { filename: "two.mp4", size, contentType: "video/mp4" })).body.video;
    const before = await databaseSnapshot();
    const raw = (url: string, body: Uint8Array, length = String(body.byteLength)) =>
      owner.fetch(url, { method: "PUT", body, headers: { "content-length": length } });
    const cases: [string, Promise<Response>, number, string][] = [
      ["part 0", raw(`/api/videos/${open.id}/parts/0`, new Uint8Array(10)), 400, "invalid_request"],
      ["part 3 of 2", raw(`/api/videos/${open.id}/parts/3`, new Uint8Array(10)), 400, "invalid_part"],
      ["part 1.5", raw(`/api/videos/${open.id}/parts/1.5`, new Uint8Array(10)), 400, "invalid_request"],
      ["part 'one'", raw(`/api/videos/${open.id}/parts/one`, new Uint8Array(10)), 400, "invalid_request"],
      ["a last part of the wrong size", raw(`/api/videos/${open.id}/parts/2`, new Uint8Array(9)), 400, "invalid_part_size"],
      ["a part of a finished upload", raw(`/api/videos/${ids.video}/parts/1`, new Uint8Array(10)), 409, "video_not_uploading"],
      ["a video id with a control character", raw("/api/videos/vid%07x/parts/1", new Uint8Array(10)), 400, "invalid_request"],
      [
        "a text file as thumbnail",
        raw(`/api/videos/${ids.video}/thumbnail`, new TextEncoder().encode("not an image")),
        400,
        "invalid_thumbnail",
      ],
      ["an empty thumbnail", raw(`/api/videos/${ids.video}/thumbnail`, new Uint8Array(0)), 400, "invalid_thumbnail"],
      ["a 600 KB thumbnail", raw(`/api/videos/${ids.video}/thumbnail`, new Uint8Array(600 * 1024)), 413, "thumbnail_too_large"],
    ];
    for (const [what, res, status, code] of cases) {
      const answer = await res;
      expect(await expectRefused(answer.clone(), what), what).toBe(status);
      expect(((await answer.json()) as any).error.code, what).toBe(code);
    }
    for (const [what, cover, code] of [
      ["a negative cover time", -1, "invalid_request"],
      ["a fractional cover time", 1.5, "invalid_request"],
      ["a cover time over TikTok's int32", 2 ** 31, "invalid_request"],
      ["a cover time as a string", "100", "invalid_request"],
      ["a cover time after the video's end", 3_600_000, "cover_out_of_range"],
    ] as const) {
      const created = await postRequest(owner, { accountId: ids.account, videoId: ids.video, coverTimestampMs: cover });
      expect([created.status, created.body.error?.code], `create with ${what}`).toEqual([400, code]);
      const edited = await owner.json(`/api/posts/${ids.post}`, { coverTimestampMs: cover }, "PATCH");
      expect([edited.status, edited.body.error?.code], `edit with ${what}`).toEqual([400, code]);
    }
    expect(await databaseSnapshot()).toEqual(before);
  });
});
