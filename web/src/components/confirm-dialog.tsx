// "Are you sure?" as a native modal <dialog>: the browser traps focus, Escape closes it, focus returns afterwards.
import type { ComponentChildren } from "preact";
import { useEffect, useRef } from "preact/hooks";
import { t } from "../i18n/index.ts";

interface Props {
  open: boolean;
  title: string;
  children?: ComponentChildren;
  confirmLabel: string;
  danger?: boolean;
  busy?: boolean;
  onConfirm: () => void;
  onClose: () => void;
}

export function ConfirmDialog(props: Props) {
  return props.open ? <OpenDialog {...props} /> : null;
}

function OpenDialog(props: Props) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
  }, []);
  return (
    <dialog ref={ref} class="dialog" aria-labelledby="dialog-title" onClose={props.onClose} data-testid="confirm-dialog">
      <h2 id="dialog-title">{props.title}</h2>
      {props.children}
      <div class="action-row dialog-actions">
        <button
          type="button"
          class={props.danger ? "button-danger" : ""}
          disabled={props.busy}
          data-testid="confirm-yes"
          onClick={props.onConfirm}
        >
          {props.confirmLabel}
        </button>
        <button type="button" class="button-secondary" onClick={props.onClose}>
          {t("common.keep")}
        </button>
      </div>
    </dialog>
  );
}
