// Short-lived notices at the edge of the screen ("Post cancelled. Undo"), read out politely by screen readers; each
// goes away on its own.
import { useEffect, useState } from "preact/hooks";

export interface Toast {
  id: number;
  text: string;
  kind: "success" | "error" | "info";
  action?: { label: string; run: () => void; testId?: string };
  /** How long it stays (ms). */
  timeoutMs: number;
}

type Listener = (toasts: Toast[]) => void;
let toasts: Toast[] = [];
let nextId = 1;
const listeners = new Set<Listener>();
const emit = () => {
  for (const listener of listeners) listener(toasts);
};

export function dismissToast(id: number) {
  toasts = toasts.filter((toast) => toast.id !== id);
  emit();
}

export function showToast(toast: Omit<Toast, "id" | "timeoutMs" | "kind"> & Partial<Pick<Toast, "timeoutMs" | "kind">>): number {
  const id = nextId++;
  const full: Toast = { kind: "success", timeoutMs: 6_000, ...toast, id };
  toasts = [...toasts.slice(-2), full];
  emit();
  window.setTimeout(() => dismissToast(id), full.timeoutMs);
  return id;
}

export function useToasts(): Toast[] {
  const [list, setList] = useState(toasts);
  useEffect(() => {
    listeners.add(setList);
    return () => void listeners.delete(setList);
  }, []);
  return list;
}
