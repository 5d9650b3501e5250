// The workspace's saved hashtag groups or caption templates: list, add, edit, delete.
import { useEffect, useState } from "preact/hooks";
import { api, type CaptionTemplate, type HashtagGroup } from "../api.ts";
import { t } from "../i18n/index.ts";
import { showToast } from "../lib/toasts.ts";
import { FormError, Loading } from "./ui.tsx";

type Kind = "hashtags" | "templates";
type Item = { id: string; name: string; text: string };

const fromGroup = (g: HashtagGroup): Item => ({ id: g.id, name: g.name, text: g.hashtags.join(" ") });
const fromTemplate = (x: CaptionTemplate): Item => ({ id: x.id, name: x.name, text: x.body });
/** "#a, b #c" → ["#a", "#b", "#c"]: the # is added where it was left out. */
const tags = (text: string) =>
  text
    .split(/[\s,]+/)
    .filter(Boolean)
    .map((tag) => (tag.startsWith("#") ? tag : `#${tag}`));

export function SavedTexts({ kind }: { kind: Kind }) {
  const [items, setItems] = useState<Item[] | null>(null);
  const [editing, setEditing] = useState<Item | null>(null);
  const [name, setName] = useState("");
  const [text, setText] = useState("");
  const [error, setError] = useState<unknown>(null);
  const hashtags = kind === "hashtags";

  const load = () =>
    (hashtags ? api.hashtagGroups().then((b) => b.groups.map(fromGroup)) : api.templates().then((b) => b.templates.map(fromTemplate))).then(
      setItems,
      setError,
    );
  useEffect(() => void load(), [kind]);

  const edit = (item: Item | null) => {
    setEditing(item);
    setName(item?.name ?? "");
    setText(item?.text ?? "");
    setError(null);
  };
  const save = async (event: Event) => {
    event.preventDefault();
    try {
      if (hashtags) await api.saveHashtagGroup({ name, hashtags: tags(text) }, editing?.id);
      else await api.saveTemplate({ name, body: text }, editing?.id);
      showToast({ text: t("saved.saved", { name }) });
      edit(null);
      await load();
    } catch (caught) {
      setError(caught);
    }
  };
  const remove = async (item: Item) => {
    try {
      await (hashtags ? api.deleteHashtagGroup(item.id) : api.deleteTemplate(item.id));
      showToast({ text: t("saved.deleted", { name: item.name }) });
      await load();
    } catch (caught) {
      setError(caught);
    }
  };
  const title = hashtags ? t("saved.hashtagsTitle") : t("saved.templatesTitle");
  const id = `saved-${kind}`;
  return (
    <section class="card" aria-labelledby={id} data-testid={id}>
      <h2 id={id}>{title}</h2>
      <p class="muted">{hashtags ? t("saved.hashtagsExplain") : t("saved.templatesExplain")}</p>
      {items === null && !error && <Loading />}
      {items?.length === 0 && <p class="muted">{hashtags ? t("saved.noHashtags") : t("saved.noTemplates")}</p>}
      <ul class="saved-list">
        {items?.map((item) => (
          <li key={item.id}>
            <div>
              <strong>{item.name}</strong>
              <span class="muted small block">{item.text}</span>
            </div>
            <div class="action-row">
              <button type="button" class="button-secondary button-small" onClick={() => edit(item)}>
                {t("common.edit")}
              </button>
              <button type="button" class="button-danger-ghost button-small" onClick={() => void remove(item)}>
                {t("common.delete")}
              </button>
            </div>
          </li>
        ))}
      </ul>
      <form onSubmit={save} noValidate class="saved-form">
        <h3>{editing ? t("saved.editing", { name: editing.name }) : hashtags ? t("saved.newGroup") : t("saved.newTemplate")}</h3>
        <label class="field">
          <span>{t("field.name")}</span>
          <input
            value={name}
            data-testid={`${kind}-name`}
            onInput={(e) => {
              setName(e.currentTarget.value);
              setError(null);
            }}
          />
        </label>
        <label class="field">
          <span>{hashtags ? t("field.hashtags") : t("field.body")}</span>
          <textarea
            rows={hashtags ? 2 : 4}
            value={text}
            placeholder={hashtags ? t("saved.hashtagsPlaceholder") : t("saved.templatePlaceholder")}
            data-testid={`${kind}-text`}
            onInput={(e) => {
              setText(e.currentTarget.value);
              setError(null);
            }}
          />
        </label>
        <FormError error={error} />
        <div class="action-row">
          <button type="submit" data-testid={`${kind}-save`}>
            {t("common.save")}
          </button>
          {editing && (
            <button type="button" class="button-secondary" onClick={() => edit(null)}>
              {t("common.cancelEdit")}
            </button>
          )}
        </div>
      </form>
    </section>
  );
}
