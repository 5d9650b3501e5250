// Integrations: my own alerts and how to connect an AI assistant (everyone), and for admins the workspace's Slack and Discord channels, outgoing
// webhooks and, in development, the local email outbox. The server checks every call's role again.
import "../styles/integrations.css";
import { useEffect, useState } from "preact/hooks";
import { api } from "../api.ts";
import { AlertChannelsCard } from "../components/integrations/alert-channels-card.tsx";
import { AlertPrefsCard } from "../components/integrations/alert-prefs-card.tsx";
import { McpCard } from "../components/integrations/mcp-card.tsx";
import { WebhooksCard } from "../components/integrations/webhooks-card.tsx";
import { FormError, Loading, Notice, PageHead } from "../components/ui.tsx";
import { t } from "../i18n/index.ts";
import { useIdentity } from "../lib/identity.ts";
import { atLeast } from "../lib/team-api.ts";

export function IntegrationsPage() {
  const { session, error } = useIdentity();
  if (!session) return error ? <FormError error={error} /> : <Loading />;
  const admin = atLeast(session.workspace.role, "admin");
  return (
    <section class="settings integrations" data-testid="integrations-page">
      <PageHead title={t("integrations.title")} sub={t("integrations.sub")} />
      <AlertPrefsCard />
      <McpCard />
      {admin ? (
        <>
          <OutboxLink />
          <AlertChannelsCard />
          <WebhooksCard />
        </>
      ) : (
        <Notice kind="info" testId="integrations-admins-only">
          <p>{t("integrations.adminsOnly")}</p>
        </Notice>
      )}
    </section>
  );
}

/** The development outbox (every email that would have gone out); the API answers 404 once a real provider is set. */
function OutboxLink() {
  const [available, setAvailable] = useState(false);
  useEffect(() => {
    // A 404 means a real provider sends the emails: nothing to link to. Any other failure leaves the link out too.
    api.emailOutbox().then(
      () => setAvailable(true),
      () => setAvailable(false),
    );
  }, []);
  if (!available) return null;
  return (
    <p class="outbox-link" data-testid="email-outbox">
      <a href={api.emailOutboxPageUrl} target="_blank" rel="noopener">
        {t("integrations.outbox.link")}
      </a>{" "}
      <span class="muted small">{t("integrations.outbox.explain")}</span>
    </p>
  );
}
