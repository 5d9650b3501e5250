// The toasts region: one polite live region at the bottom edge, each toast with its optional action ("Undo").
import { t } from "../i18n/index.ts";
import { dismissToast, useToasts } from "../lib/toasts.ts";

export function Toaster() {
  const toasts = useToasts();
  return (
    <section class="toaster" aria-live="polite" aria-label={t("common.notifications")}>
      {toasts.map((toast) => (
        <div key={toast.id} class={`toast toast-${toast.kind}`} data-testid="toast">
          <span>{toast.text}</span>
          {toast.action && (
            <button
              type="button"
              class="button-small toast-action"
              data-testid={toast.action.testId}
              onClick={() => {
                dismissToast(toast.id);
                toast.action?.run();
              }}
            >
              {toast.action.label}
            </button>
          )}
          <button type="button" class="icon-button" aria-label={t("common.dismiss")} onClick={() => dismissToast(toast.id)}>
            <span aria-hidden="true">×</span>
          </button>
        </div>
      ))}
    </section>
  );
}
