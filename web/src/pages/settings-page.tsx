// Settings: the workspace's time zone (the calendar's and the composer's), saved hashtag groups and caption
// templates (inserted from the composer), the appearance of this browser (light, dark, or the system's), and the way
// to the integrations screen (alerts, Slack/Discord, webhooks).
import { useMemo, useState } from "preact/hooks";
import { SavedTexts } from "../components/saved-texts.tsx";
import { FormError, Link, PageHead } from "../components/ui.tsx";
import { type MessageKey, t } from "../i18n/index.ts";
import { zoneName } from "../lib/format.ts";
import { THEMES, type Theme, useTheme } from "../lib/theme.ts";
import { browserTimeZone, timeZoneList } from "../lib/time.ts";
import { showToast } from "../lib/toasts.ts";
import { saveWorkspaceZone, useWorkspaceZone } from "../lib/workspace.ts";

const THEME_LABELS: Record<Theme, MessageKey> = { system: "theme.system", light: "theme.light", dark: "theme.dark" };

export function SettingsPage() {
  return (
    <section class="settings">
      <PageHead title={t("settings.title")} />
      <ZoneSetting />
      <SavedTexts kind="hashtags" />
      <SavedTexts kind="templates" />
      <ThemeSetting />
      <section class="card" aria-labelledby="integrations-link-title">
        <h2 id="integrations-link-title">{t("integrations.title")}</h2>
        <p class="muted">{t("integrations.settingsExplain")}</p>
        <Link href="/integrations" testId="goto-integrations">
          {t("integrations.settingsLink")}
        </Link>
      </section>
    </section>
  );
}

function ZoneSetting() {
  const workspace = useWorkspaceZone();
  const zones = useMemo(timeZoneList, []);
  const [zone, setZone] = useState(workspace.chosen ?? browserTimeZone());
  const [error, setError] = useState<unknown>(null);
  const save = async (event: Event) => {
    event.preventDefault();
    try {
      await saveWorkspaceZone(zone);
      showToast({ text: t("settings.zoneSaved", { zone: zoneName(zone) }) });
    } catch (caught) {
      setError(caught);
    }
  };
  return (
    <section class="card" aria-labelledby="zone-title">
      <h2 id="zone-title">{t("settings.zone")}</h2>
      <p class="muted">{t("settings.zoneExplain")}</p>
      <form class="row" onSubmit={save} noValidate>
        <label class="field grow">
          <span>{t("field.timezone")}</span>
          <select value={zone} data-testid="settings-timezone" onChange={(e) => setZone(e.currentTarget.value)}>
            {zones.map((z) => (
              <option key={z} value={z}>
                {z === browserTimeZone() ? t("composer.yourZone", { zone: zoneName(z) }) : zoneName(z)}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" class="align-end" data-testid="settings-timezone-save">
          {t("common.save")}
        </button>
      </form>
      <FormError error={error} />
    </section>
  );
}

function ThemeSetting() {
  const [theme, setTheme] = useTheme();
  return (
    <section class="card" aria-labelledby="theme-title">
      <h2 id="theme-title">{t("settings.appearance")}</h2>
      <fieldset class="choice-list inline">
        <legend class="sr-only">{t("settings.appearance")}</legend>
        {THEMES.map((x) => (
          <label key={x} class="check-row choice">
            <input type="radio" name="theme" checked={theme === x} data-testid={`theme-${x}`} onChange={() => setTheme(x)} />
            <span>{t(THEME_LABELS[x])}</span>
          </label>
        ))}
      </fieldset>
    </section>
  );
}
