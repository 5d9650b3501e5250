// What the signed-in workspace remembers, shared by every screen: its time zone (the calendar's, the composer's
// default), with the browser's zone until one is chosen.
import { useEffect, useState } from "preact/hooks";
import { api } from "../api.ts";
import { browserTimeZone, isValidTimeZone } from "./time.ts";

type State = { zone: string; chosen: string | null };
let state: State = { zone: browserTimeZone(), chosen: null };
const listeners = new Set<(s: State) => void>();

function set(chosen: string | null) {
  state = { zone: chosen && isValidTimeZone(chosen) ? chosen : browserTimeZone(), chosen };
  for (const listener of listeners) listener(state);
}

export async function loadWorkspaceSettings() {
  try {
    set((await api.settings()).settings.timezone);
  } catch (error) {
    console.warn("workspace settings unavailable; using the browser's time zone", error);
  }
}

/** Saves the workspace's zone (the Settings page, or the composer remembering the last zone used). */
export async function saveWorkspaceZone(zone: string | null) {
  set((await api.saveSettings({ timezone: zone })).settings.timezone);
}

export function useWorkspaceZone(): State {
  const [current, setCurrent] = useState(state);
  useEffect(() => {
    listeners.add(setCurrent);
    setCurrent(state);
    return () => void listeners.delete(setCurrent);
  }, []);
  return current;
}
