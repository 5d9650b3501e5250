// How to let an AI assistant plan posts: the MCP endpoint's address and an API token (made on the security page).
import { t } from "../../i18n/index.ts";
import { Link } from "../ui.tsx";

export function McpCard() {
  const address = `${window.location.origin}/api/mcp`;
  return (
    <section class="card" aria-labelledby="mcp-title" data-testid="mcp-card">
      <h2 id="mcp-title">{t("integrations.mcp.title")}</h2>
      <p class="muted">{t("integrations.mcp.explain")}</p>
      <p>
        {t("integrations.mcp.address")} <code data-testid="mcp-address">{address}</code>
      </p>
      <p class="muted small">{t("integrations.mcp.header")}</p>
      <Link href="/security" class="button button-secondary" testId="mcp-token">
        {t("integrations.mcp.token")}
      </Link>
    </section>
  );
}
