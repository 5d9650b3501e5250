// The caption: a textarea counted in UTF-16 units (TikTok's count, JS .length), with the workspace's saved hashtag
// groups and caption templates one click away (inserted text stays editable, tiktok-api.md §8.5b).
import { useRef } from "preact/hooks";
import type { CaptionTemplate, HashtagGroup, Issue } from "../../api.ts";
import { t } from "../../i18n/index.ts";
import { appendToCaption } from "../../lib/caption-tokens.ts";
import { CAPTION_MAX } from "../../lib/composer-rules.ts";
import { Link } from "../ui.tsx";
import { FieldIssues } from "./field-issues.tsx";

interface Props {
  caption: string;
  groups: HashtagGroup[];
  templates: CaptionTemplate[];
  issues: Issue[];
  onChange: (caption: string) => void;
}

export function CaptionField({ caption, groups, templates, issues, onChange }: Props) {
  const over = caption.length > CAPTION_MAX;
  return (
    <fieldset class="field-group">
      <legend>{t("field.caption")}</legend>
      <label class="field">
        <span class="sr-only">{t("field.caption")}</span>
        <textarea
          rows={5}
          value={caption}
          placeholder={t("composer.captionPlaceholder")}
          data-testid="caption"
          aria-describedby="caption-counter"
          onInput={(e) => onChange(e.currentTarget.value)}
        />
      </label>
      <div class="caption-tools">
        <Menu
          label={t("composer.insertHashtags")}
          testId="hashtag-menu"
          items={groups.map((g) => ({ key: g.id, name: g.name, detail: g.hashtags.join(" "), text: g.hashtags.join(" ") }))}
          onPick={(text) => onChange(appendToCaption(caption, text))}
        />
        <Menu
          label={t("composer.insertTemplate")}
          testId="template-menu"
          items={templates.map((x) => ({ key: x.id, name: x.name, detail: x.body.slice(0, 60), text: x.body }))}
          onPick={(text) => onChange(appendToCaption(caption, text))}
        />
        <small id="caption-counter" class={`counter ${over ? "field-error" : "muted"}`} data-testid="caption-counter">
          {t("composer.counter", { count: caption.length, max: CAPTION_MAX })}
        </small>
      </div>
      <FieldIssues issues={issues} field="caption" />
    </fieldset>
  );
}

type MenuItem = { key: string; name: string; detail: string; text: string };

/** A small disclosure menu of buttons; picking one inserts its text and closes the menu. */
function Menu(props: { label: string; testId: string; items: MenuItem[]; onPick: (text: string) => void }) {
  const ref = useRef<HTMLDetailsElement>(null);
  return (
    <details class="menu" ref={ref} data-testid={props.testId}>
      <summary class="button button-secondary button-small">{props.label}</summary>
      <div class="menu-list">
        {props.items.length === 0 ? (
          <p class="muted small">
            {t("composer.noneSaved")} <Link href="/settings">{t("composer.manageInSettings")}</Link>
          </p>
        ) : (
          props.items.map((item) => (
            <button
              key={item.key}
              type="button"
              class="menu-item"
              onClick={() => {
                props.onPick(item.text);
                ref.current?.removeAttribute("open");
              }}
            >
              <strong>{item.name}</strong> <span class="muted small">{item.detail}</span>
            </button>
          ))
        )}
      </div>
    </details>
  );
}
