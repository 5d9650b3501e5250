// "New post": account, video, caption, post settings, disclosure and schedule, following tiktok-api.md §8.
import { useEffect, useMemo, useState } from "preact/hooks";
import { type Account, api, type CreatorInfo, issuesOf } from "../api.ts";
import { CreatorCard } from "../components/composer/creator-card.tsx";
import { Declaration, DisclosureFields } from "../components/composer/disclosure-fields.tsx";
import { FieldIssues } from "../components/composer/field-issues.tsx";
import { ModeFields } from "../components/composer/mode-fields.tsx";
import { ScheduleFields } from "../components/composer/schedule-fields.tsx";
import { SettingsFields } from "../components/composer/settings-fields.tsx";
import { VideoField } from "../components/composer/video-field.tsx";
import { FormError, Link } from "../components/ui.tsx";
import { CAPTION_MAX, type ComposerForm, composerBlockers, toPostInput } from "../lib/composer-rules.ts";
import { navigate } from "../lib/router.ts";
import { browserTimeZone, parseDateTimeInputs, timeZoneList, toDateTimeInputs, wallClockToUtc } from "../lib/time.ts";
import { useCreatorInfo } from "../lib/use-creator-info.ts";
import { useVideoUpload } from "../lib/use-video-upload.ts";
import type { PostsFlash } from "./posts-page.tsx";

const DEFAULT_LEAD_MS = 10 * 60_000;

function initialForm(timeZone: string): ComposerForm {
  const start = Math.ceil((Date.now() + DEFAULT_LEAD_MS) / 60_000) * 60_000;
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
    ...toDateTimeInputs(start, timeZone),
    timeZone,
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

export function ComposerPage() {
  const browserZone = useMemo(browserTimeZone, []);
  const zones = useMemo(timeZoneList, []);
  const [form, setForm] = useState(() => initialForm(browserZone));
  const [accounts, setAccounts] = useState<Account[] | null>(null);
  const [accountsError, setAccountsError] = useState<unknown>(null);
  const [submitError, setSubmitError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const creator = useCreatorInfo(form.accountId);
  const upload = useVideoUpload();
  const update = (patch: Partial<ComposerForm>) => setForm((f) => ({ ...f, ...patch }));

  useEffect(() => {
    api.accounts().then(({ accounts }) => {
      setAccounts(accounts);
      const wanted = new URLSearchParams(window.location.search).get("account");
      const active = accounts.filter((a) => a.status === "active");
      const pick = active.find((a) => a.id === wanted) ?? active[0];
      if (pick) setForm((f) => (f.accountId ? f : { ...f, accountId: pick.id }));
    }, setAccountsError);
  }, []);

  useEffect(() => {
    if (creator.info) setForm((f) => fitToCreator(f, creator.info as CreatorInfo));
  }, [creator.info]);

  const wall = parseDateTimeInputs(form.date, form.time);
  const resolved = wall ? wallClockToUtc(wall, form.timeZone) : null;
  const blockers = composerBlockers(form, creator.info, upload.state, resolved?.utcMs ?? null);
  const issues = issuesOf(submitError);
  const direct = form.mode === "direct";

  const submit = async (event: Event) => {
    event.preventDefault();
    if (busy || blockers.length > 0 || !creator.info || !upload.state.video || !resolved) return;
    setBusy(true);
    setSubmitError(null);
    try {
      const { post, warnings } = await api.createPost(toPostInput(form, creator.info, upload.state.video.id, resolved.utcMs));
      const flash: PostsFlash = { postId: post.id, warnings: warnings ?? [] };
      navigate("/posts", { state: { flash } });
    } catch (caught) {
      setSubmitError(caught);
      setBusy(false);
    }
  };

  const activeAccounts = accounts?.filter((a) => a.status === "active") ?? [];
  return (
    <section class="composer">
      <h1>New post</h1>
      <FormError error={accountsError} />
      {accounts && activeAccounts.length === 0 && (
        <div class="notice notice-warning">
          No active TikTok account. <Link href="/">Connect or reconnect one on the dashboard</Link> first.
        </div>
      )}
      <form onSubmit={submit} noValidate>
        <fieldset class="field-group">
          <legend>Account</legend>
          <label class="field">
            <span>Post to</span>
            <select value={form.accountId} data-testid="composer-account" onChange={(e) => update({ accountId: e.currentTarget.value })}>
              <option value="" disabled>
                {accounts ? "Select an account" : "Loading accounts…"}
              </option>
              {accounts?.map((a) => (
                <option key={a.id} value={a.id} disabled={a.status !== "active"} title={a.statusReason ?? undefined}>
                  {a.displayName}
                  {a.username ? ` (@${a.username})` : ""}
                  {a.status !== "active" ? " — needs reconnect" : ""}
                </option>
              ))}
            </select>
            <FieldIssues issues={issues} field="accountId" />
          </label>
          <CreatorCard creator={creator} />
        </fieldset>

        <VideoField
          state={upload.state}
          maxDurationSec={creator.info?.maxVideoPostDurationSec ?? null}
          onSelect={upload.select}
          onDuration={upload.setDurationFromElement}
          onRetry={upload.retry}
          onCancel={upload.cancel}
        />
        <FieldIssues issues={issues} field="videoId" />

        <fieldset class="field-group">
          <legend>Caption</legend>
          <label class="field">
            <span class="sr-only">Caption</span>
            <textarea
              rows={4}
              value={form.caption}
              placeholder="Write a caption, #hashtags and @mentions"
              data-testid="caption"
              onInput={(e) => update({ caption: e.currentTarget.value })}
            />
            <small class={`counter ${form.caption.length > CAPTION_MAX ? "field-error" : "muted"}`}>
              {form.caption.length} / {CAPTION_MAX}
            </small>
            <FieldIssues issues={issues} field="caption" />
          </label>
        </fieldset>

        <ModeFields form={form} onChange={update} />
        {direct && <SettingsFields form={form} creator={creator.info} issues={issues} onChange={update} />}
        {direct && <DisclosureFields form={form} onChange={update} />}

        <ScheduleFields form={form} zones={zones} browserZone={browserZone} resolved={resolved} issues={issues} onChange={update} />

        <FormError error={submitError} />
        <Declaration branded={direct && form.disclose && form.brandedContent} />
        <div class="submit-row">
          {/* The wrapper carries the hover text: disabled buttons don't show tooltips in every browser. */}
          <span title={blockers[0]}>
            <button type="submit" disabled={busy || blockers.length > 0} data-testid="schedule-submit">
              {busy ? "Scheduling…" : "Schedule post"}
            </button>
          </span>
          {blockers.length > 0 && (
            <ul class="blockers muted small" aria-live="polite">
              {blockers.map((reason) => (
                <li key={reason}>{reason}</li>
              ))}
            </ul>
          )}
        </div>
      </form>
    </section>
  );
}
