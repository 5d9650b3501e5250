// Who is signed in and their role here, read once per screen (GET /api/me): the team and security screens show or
// hide admin controls by it; the server checks every call again.
import { useEffect, useState } from "preact/hooks";
import { api, type Session } from "../api.ts";

export function useIdentity(): { session: Session | null; error: unknown } {
  const [session, setSession] = useState<Session | null>(null);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    api.me().then(setSession, setError);
  }, []);
  return { session, error };
}

/** Copies text to the clipboard; false when the browser refuses (the text stays selectable on screen). */
export async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}
