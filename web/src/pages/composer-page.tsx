// "New post" (and "Edit draft"): the form beside a live TikTok preview, following every audit rule of
// tiktok-api.md §8 (fresh creator info, no default privacy, interactions off, disclosure, declaration, exact video).
import { useState } from "preact/hooks";
import { issuesOf } from "../api.ts";
import { CaptionField } from "../components/composer/caption-field.tsx";
import { CoverField } from "../components/composer/cover-field.tsx";
import { CreatorCard } from "../components/composer/creator-card.tsx";
import { Declaration, DisclosureFields, disclosureLabel } from "../components/composer/disclosure-fields.tsx";
import { FieldIssues } from "../components/composer/field-issues.tsx";
import { ModeFields } from "../components/composer/mode-fields.tsx";
import { PhonePreview } from "../components/composer/phone-preview.tsx";
import { SettingsFields } from "../components/composer/settings-fields.tsx";
import { VideoField } from "../components/composer/video-field.tsx";
import { WhenFields } from "../components/composer/when-fields.tsx";
import { FormError, Link, Loading, Notice, PageHead } from "../components/ui.tsx";
import { t } from "../i18n/index.ts";
import { composerBlockers, draftBlockers } from "../lib/composer-rules.ts";
import { formatShort } from "../lib/format.ts";
import { navigate } from "../lib/router.ts";
import { showToast } from "../lib/toasts.ts";
import { type SaveAction, useComposer } from "../lib/use-composer.ts";
import { saveWorkspaceZone } from "../lib/workspace.ts";
import type { PostsFlash } from "./posts-page.tsx";

export function ComposerPage({ draftId }: { draftId?: string }) {
  const c = useComposer(draftId);
  const [busy, setBusy] = useState<SaveAction | null>(null);
  const { form, update, creator, upload } = c;
  const direct = form.mode === "direct";
  const issues = issuesOf(c.submitError);
  const blockers = composerBlockers(form, creator.info, upload.state, c.resolved?.utcMs ?? null);
  const draftBlocked = draftBlockers(form, upload.state.phase === "ready");
  const queueing = form.when === "queue";

  const submit = async (action: SaveAction) => {
    if (busy || (action === "draft" ? draftBlocked : blockers).length > 0) return;
    setBusy(action);
    c.setSubmitError(null);
    try {
      const { post, warnings } = await c.save(action);
      if (action === "draft") {
        showToast({ text: t("composer.draftSaved") });
        navigate("/posts?tab=drafts");
        return;
      }
      if (!queueing && form.timeZone !== c.workspace.chosen) {
        // The zone is remembered for the workspace's next post.
        saveWorkspaceZone(form.timeZone).catch((e: unknown) => console.warn("time zone not remembered", e));
      }
      showToast({ text: t("composer.scheduled", { when: post.scheduledAt ? formatShort(post.scheduledAt, post.timezone) : "" }) });
      const flash: PostsFlash = { postId: post.id, warnings };
      navigate("/posts", { state: { flash } });
    } catch (caught) {
      c.setSubmitError(caught);
      setBusy(null);
    }
  };

  if (draftId && !c.draft && !c.loadError) return <Loading />;
  if (c.draft && c.draft.status !== "draft") {
    return (
      <section>
        <Notice kind="info">{t("composer.notADraft")}</Notice>
        <Link href={`/posts/${encodeURIComponent(c.draft.id)}`}>{t("composer.openPost")}</Link>
      </section>
    );
  }
  const active = c.accounts?.filter((a) => a.status === "active") ?? [];
  const account = c.accounts?.find((a) => a.id === form.accountId) ?? null;
  return (
    <section class="composer">
      <PageHead title={draftId ? t("composer.editDraft") : t("composer.title")} />
      <FormError error={c.loadError} />
      {c.accounts && active.length === 0 && (
        <Notice kind="warning">
          {t("composer.noAccount")} <Link href="/home">{t("composer.connectFirst")}</Link>
        </Notice>
      )}
      <form
        class="composer-grid"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void submit("schedule");
        }}
      >
        <div class="composer-form">
          <fieldset class="field-group">
            <legend>{t("composer.account")}</legend>
            <label class="field">
              <span>{t("composer.postTo")}</span>
              <select
                value={form.accountId}
                data-testid="composer-account"
                disabled={Boolean(c.draft)}
                onChange={(e) => update({ accountId: e.currentTarget.value })}
              >
                <option value="" disabled>
                  {c.accounts ? t("composer.selectAccount") : t("composer.loadingAccounts")}
                </option>
                {c.accounts?.map((a) => (
                  <option key={a.id} value={a.id} disabled={a.status !== "active"} title={a.statusReason ?? undefined}>
                    {a.username ? `${a.displayName} (@${a.username})` : a.displayName}
                    {a.status !== "active" ? ` — ${t("accountStatus.needs_reconnect")}` : ""}
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
            library={c.library}
            onSelect={upload.select}
            onPick={upload.adoptExisting}
            onRetry={upload.retry}
            onCancel={upload.cancel}
          />
          <FieldIssues issues={issues} field="videoId" />
          {upload.state.video?.status === "ready" && (
            <CoverField durationSec={upload.state.durationSec} coverMs={form.coverMs} onChange={(coverMs) => update({ coverMs })} />
          )}

          <div class="after-preview">
            <CaptionField
              caption={form.caption}
              groups={c.groups}
              templates={c.templates}
              issues={issues}
              onChange={(caption) => update({ caption })}
            />
            <ModeFields form={form} onChange={update} />
            {direct && <SettingsFields form={form} creator={creator.info} issues={issues} onChange={update} />}
            {direct && <DisclosureFields form={form} onChange={update} />}
            <WhenFields
              form={form}
              zones={c.zones}
              browserZone={c.browserZone}
              resolved={c.resolved}
              queue={c.queue}
              issues={issues}
              onChange={update}
            />
            <div class="submit-bar">
              <FormError error={c.submitError} />
              <Declaration branded={direct && form.disclose && form.brandedContent} />
              <div class="action-row">
                {/* The wrapper carries the hover text: disabled buttons don't show tooltips in every browser. */}
                <span title={blockers[0]}>
                  <button type="submit" disabled={busy !== null || blockers.length > 0} data-testid="schedule-submit">
                    {busy === "schedule" ? t("composer.scheduling") : queueing ? t("composer.addToQueue") : t("composer.schedule")}
                  </button>
                </span>
                <span title={draftBlocked[0]}>
                  <button
                    type="button"
                    class="button-secondary"
                    disabled={busy !== null || draftBlocked.length > 0}
                    data-testid="save-draft"
                    onClick={() => void submit("draft")}
                  >
                    {busy === "draft" ? t("common.saving") : t("composer.saveDraft")}
                  </button>
                </span>
              </div>
              {blockers.length > 0 && (
                <ul class="blockers muted small" aria-live="polite" data-testid="blockers">
                  {blockers.map((reason) => (
                    <li key={reason}>{reason}</li>
                  ))}
                </ul>
              )}
            </div>
          </div>
        </div>
        <PhonePreview
          previewUrl={upload.state.previewUrl}
          video={upload.state.video}
          username={creator.info?.username ?? account?.username ?? null}
          nickname={creator.info?.nickname ?? account?.displayName ?? null}
          caption={form.caption}
          label={disclosureLabel(form)}
          inbox={!direct}
          coverMs={form.coverMs}
          onDuration={upload.setDurationFromElement}
        />
      </form>
    </section>
  );
}
