// The composer's state: the form, what it needs from the API (accounts, fresh creator info, the draft being edited,
// the queue, saved hashtags and templates, uploaded videos), and the three ways to save it (schedule, queue, draft).
import { useEffect, useMemo, useState } from "preact/hooks";
import {
  type Account,
  api,
  type CaptionTemplate,
  type CreatorInfo,
  type HashtagGroup,
  type Post,
  type QueueInfo,
  type Video,
} from "../api.ts";
import { type ComposerForm, postSettings } from "./composer-rules.ts";
import { browserTimeZone, parseDateTimeInputs, toDateTimeInputs, wallClockToUtc } from "./time.ts";
import { useCreatorInfo } from "./use-creator-info.ts";
import { useVideoUpload } from "./use-video-upload.ts";
import { useWorkspaceZone } from "./workspace.ts";

const DEFAULT_LEAD_MS = 10 * 60_000;
export type SaveAction = "schedule" | "draft";

function defaultStart(): number {
  const at = Date.parse(new URLSearchParams(window.location.search).get("at") ?? "");
  return Number.isNaN(at) ? Math.ceil((Date.now() + DEFAULT_LEAD_MS) / 60_000) * 60_000 : at;
}

function initialForm(timeZone: string, start: number): ComposerForm {
  return {
    accountId: "",
    caption: "",
    mode: "direct",
    privacyLevel: "",
    allowComment: false,
    allowDuet: false,
    allowStitch: false,
    disclose: false,
    yourBrand: false,
    brandedContent: false,
    when: "time",
    ...toDateTimeInputs(start, timeZone),
    timeZone,
    coverMs: null,
  };
}

/** A saved draft back in the form (its choices, not defaults: the person made them). */
function fromDraft(post: Post, form: ComposerForm): ComposerForm {
  return {
    ...form,
    accountId: post.accountId,
    caption: post.caption,
    mode: post.mode,
    privacyLevel: (post.privacyLevel ?? "") as ComposerForm["privacyLevel"],
    allowComment: !post.disableComment,
    allowDuet: !post.disableDuet,
    allowStitch: !post.disableStitch,
    disclose: post.brandContent || post.brandOrganic,
    yourBrand: post.brandOrganic,
    brandedContent: post.brandContent,
    timeZone: post.timezone,
    coverMs: post.coverTimestampMs,
    ...toDateTimeInputs(defaultStart(), post.timezone),
  };
}

/** Drops choices the freshly fetched creator info no longer allows (options change, e.g. account went private). */
function fitToCreator(form: ComposerForm, info: CreatorInfo): ComposerForm {
  return {
    ...form,
    privacyLevel: info.privacyLevelOptions.includes(form.privacyLevel) ? form.privacyLevel : "",
    allowComment: form.allowComment && !info.commentDisabled,
    allowDuet: form.allowDuet && !info.duetDisabled,
    allowStitch: form.allowStitch && !info.stitchDisabled,
  };
}

export function useComposer(draftId: string | undefined) {
  const workspace = useWorkspaceZone();
  const start = useMemo(defaultStart, []);
  const [form, setForm] = useState(() => initialForm(workspace.zone, start));
  const [touchedTime, setTouchedTime] = useState(false);
  const [accounts, setAccounts] = useState<Account[] | null>(null);
  const [library, setLibrary] = useState<Video[]>([]);
  const [groups, setGroups] = useState<HashtagGroup[]>([]);
  const [templates, setTemplates] = useState<CaptionTemplate[]>([]);
  const [draft, setDraft] = useState<Post | null>(null);
  const [queue, setQueue] = useState<QueueInfo | null>(null);
  const [loadError, setLoadError] = useState<unknown>(null);
  const creator = useCreatorInfo(form.accountId);
  const upload = useVideoUpload();
  const [submitError, setSubmitError] = useState<unknown>(null);

  const update = (patch: Partial<ComposerForm>) => {
    setSubmitError(null); // an error answers the form as it was; it goes as soon as the form changes
    if ("date" in patch || "time" in patch || "timeZone" in patch) setTouchedTime(true);
    setForm((f) => ({ ...f, ...patch }));
  };

  useEffect(() => {
    const params = new URLSearchParams(window.location.search);
    Promise.all([api.accounts(), api.videos(), draftId ? api.post(draftId) : Promise.resolve(null)]).then(([a, v, d]) => {
      setAccounts(a.accounts);
      setLibrary(v.videos);
      if (d) {
        setDraft(d.post);
        setForm((f) => fromDraft(d.post, f));
        const video = v.videos.find((x) => x.id === d.post.videoId);
        if (video) upload.adoptExisting(video);
        return;
      }
      const active = a.accounts.filter((x) => x.status === "active");
      const pick = active.find((x) => x.id === params.get("account")) ?? active[0];
      if (pick) setForm((f) => (f.accountId ? f : { ...f, accountId: pick.id }));
      const video = v.videos.find((x) => x.id === params.get("video") && x.status === "ready");
      if (video) upload.adoptExisting(video);
    }, setLoadError);
    api.hashtagGroups().then(
      (b) => setGroups(b.groups),
      (e: unknown) => console.warn("hashtag groups unavailable", e),
    );
    api.templates().then(
      (b) => setTemplates(b.templates),
      (e: unknown) => console.warn("caption templates unavailable", e),
    );
  }, [draftId]);

  // The workspace's zone may arrive after the form opened: follow it until the person picks a time or zone.
  useEffect(() => {
    if (!touchedTime && !draftId) setForm((f) => ({ ...f, timeZone: workspace.zone, ...toDateTimeInputs(start, workspace.zone) }));
  }, [workspace.zone]);

  useEffect(() => {
    if (creator.info) setForm((f) => fitToCreator(f, creator.info as CreatorInfo));
  }, [creator.info]);

  // A cover picked for one video means nothing for another (a draft's own video keeps its cover).
  const videoId = upload.state.video?.id;
  useEffect(() => {
    if (videoId && videoId !== draft?.videoId) setForm((f) => (f.coverMs === null ? f : { ...f, coverMs: null }));
  }, [videoId]);

  useEffect(() => {
    setQueue(null);
    if (!form.accountId) return;
    api.queue(form.accountId).then(setQueue, (e: unknown) => console.warn("queue unavailable", e));
  }, [form.accountId]);

  const wall = parseDateTimeInputs(form.date, form.time);
  const resolved = wall ? wallClockToUtc(wall, form.timeZone) : null;
  const zones = useMemo(() => [...new Set([workspace.zone, ...timeZoneChoices()])].sort((a, b) => a.localeCompare(b)), [workspace.zone]);

  /** Schedules (at the time or in the queue) or saves a draft; resolves to the saved post and any warnings. */
  const save = async (action: SaveAction) => {
    const videoId = upload.state.video?.id;
    if (!videoId) throw new Error("no video");
    const settings = postSettings(form, creator.info);
    const { accountId, ...fields } = settings;
    const scheduledAt = resolved ? new Date(resolved.utcMs).toISOString() : undefined;
    if (action === "draft") {
      const body = { ...fields, videoId, timezone: form.timeZone };
      return draft
        ? { ...(await api.updateDraft(draft.id, body)), warnings: [] }
        : { ...(await api.createDraft({ ...body, accountId })), warnings: [] };
    }
    if (form.when === "queue") {
      return draft ? api.scheduleDraft(draft.id, { ...fields, videoId, queue: true }) : api.queuePost({ ...settings, videoId });
    }
    if (draft) return api.scheduleDraft(draft.id, { ...fields, videoId, scheduledAt, timezone: form.timeZone });
    return api.createPost({ ...settings, videoId, scheduledAt: scheduledAt!, timezone: form.timeZone });
  };

  return {
    form,
    update,
    accounts,
    library,
    groups,
    templates,
    draft,
    queue,
    loadError,
    creator,
    upload,
    resolved,
    zones,
    browserZone: browserTimeZone(),
    workspace,
    save,
    submitError,
    setSubmitError,
  };
}

function timeZoneChoices(): string[] {
  const zones = typeof Intl.supportedValuesOf === "function" ? Intl.supportedValuesOf("timeZone") : [];
  return [browserTimeZone(), "UTC", ...zones];
}
