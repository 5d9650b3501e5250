// Rescheduling from the calendar, by mouse (drag a post onto a day or an hour) or keyboard (Space picks it up,
// arrows move it, Enter drops it, Escape puts it back): one PATCH, then "Undo" for a few seconds.
import { useState } from "preact/hooks";
import { api, messageOf, type Post } from "../api.ts";
import { t } from "../i18n/index.ts";
import { type CalendarView, type Day, dayKeyAt, droppedAt, parseKey, shiftDay } from "./calendar.ts";
import { isPast } from "./composer-rules.ts";
import { formatShort } from "./format.ts";
import { wallClockAt } from "./time.ts";
import { showToast } from "./toasts.ts";

export type Moving = { post: Post; day: Day; hour: number };

export function useCalendarMove(view: CalendarView, zone: string, onMoved: (post: Post) => void) {
  const [moving, setMoving] = useState<Moving | null>(null);
  const [dragging, setDragging] = useState<Post | null>(null);

  const reschedule = async (post: Post, at: number) => {
    if (!post.scheduledAt || at === Date.parse(post.scheduledAt)) return;
    if (isPast(at)) {
      showToast({ kind: "error", text: t("calendar.pastDrop") });
      return;
    }
    const before = post.scheduledAt;
    try {
      const { post: moved } = await api.updatePost(post.id, { scheduledAt: new Date(at).toISOString() });
      onMoved(moved);
      const undo = async () => {
        try {
          onMoved((await api.updatePost(post.id, { scheduledAt: before })).post);
        } catch (caught) {
          showToast({ kind: "error", text: messageOf(caught) });
        }
      };
      showToast({
        text: t("calendar.moved", { when: formatShort(at, zone) }),
        action: { label: t("cancel.undo"), run: undo, testId: "undo-move" },
      });
    } catch (caught) {
      showToast({ kind: "error", text: messageOf(caught) });
    }
  };

  /** A post dropped on a day (keeps its time of day) or on an hour of a day (keeps its minutes). */
  const drop = (post: Post, day: Day, hour?: number) => void reschedule(post, droppedAt(Date.parse(post.scheduledAt!), day, zone, hour));

  const pickUp = (post: Post) => {
    if (!post.scheduledAt) return;
    const at = Date.parse(post.scheduledAt);
    setMoving({ post, day: parseKey(dayKeyAt(at, zone))!, hour: wallClockAt(at, zone).hour });
  };

  /** Keyboard handling on a focused post; true when the key was used. */
  const onKey = (post: Post, key: string): boolean => {
    if (!moving || moving.post.id !== post.id) {
      if (key === " ") {
        pickUp(post);
        return true;
      }
      return false;
    }
    const step = (days: number, hours = 0) => {
      let hour = moving.hour + hours;
      let day = shiftDay(moving.day, days);
      if (hour < 0 || hour > 23) {
        day = shiftDay(day, hour < 0 ? -1 : 1);
        hour = (hour + 24) % 24;
      }
      setMoving({ ...moving, day, hour });
    };
    const moves: Record<string, () => void> = {
      ArrowLeft: () => step(-1),
      ArrowRight: () => step(1),
      ArrowUp: () => (view === "month" ? step(-7) : step(0, -1)),
      ArrowDown: () => (view === "month" ? step(7) : step(0, 1)),
      Enter: () => {
        setMoving(null);
        drop(post, moving.day, view === "week" ? moving.hour : undefined);
      },
      " ": () => {
        setMoving(null);
        drop(post, moving.day, view === "week" ? moving.hour : undefined);
      },
      Escape: () => setMoving(null),
    };
    // Right-to-left layouts show later days to the left: the arrows follow what the eye sees.
    const rtl = document.documentElement.dir === "rtl";
    const run = moves[rtl && key === "ArrowLeft" ? "ArrowRight" : rtl && key === "ArrowRight" ? "ArrowLeft" : key];
    if (!run) return false;
    run();
    return true;
  };

  /** Where the post being moved would land, for the live announcement. */
  const movingTo = moving
    ? formatShort(droppedAt(Date.parse(moving.post.scheduledAt!), moving.day, zone, view === "week" ? moving.hour : undefined), zone)
    : null;

  return { moving, movingTo, onKey, drop, dragging, setDragging, cancelMove: () => setMoving(null) };
}
