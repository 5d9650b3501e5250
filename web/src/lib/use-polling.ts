// Polls while the tab is visible: runs `task` now, then `intervalMs` after each run finishes (never overlapping),
// pauses while hidden and runs again as soon as the tab is shown.
import { useEffect, useRef } from "preact/hooks";

export function usePolling(task: () => Promise<void>, intervalMs: number, enabled = true, key: unknown = null): void {
  const taskRef = useRef(task);
  taskRef.current = task;
  useEffect(() => {
    if (!enabled) return;
    let timer: number | undefined;
    let running = false;
    let stopped = false;
    const run = async () => {
      window.clearTimeout(timer);
      if (stopped || running || document.visibilityState !== "visible") return;
      running = true;
      try {
        await taskRef.current();
      } finally {
        running = false;
        if (!stopped) timer = window.setTimeout(run, intervalMs);
      }
    };
    const onVisibility = () => {
      if (document.visibilityState === "visible") void run();
    };
    document.addEventListener("visibilitychange", onVisibility);
    void run();
    return () => {
      stopped = true;
      window.clearTimeout(timer);
      document.removeEventListener("visibilitychange", onVisibility);
    };
  }, [intervalMs, enabled, key]);
}
