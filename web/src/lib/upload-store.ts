// Unfinished uploads remembered across reloads (localStorage): which server-side video a file was going to, keyed by
// the file's fingerprint, so choosing the same file again resumes it (tus-js-client's approach, video-processing.md).
// The server aborts uploads unfinished after 24 h, so older entries are forgotten.

const KEY = "postflare.uploads.v1";
const KEEP_MS = 24 * 3600 * 1000;
/** Bytes hashed from the start of the file: files with the same name, size and date but other content differ. */
const HASHED_BYTES = 256 * 1024;

export interface StoredUpload {
  videoId: string;
  savedAt: number;
}

/** Name, size, modification time and a SHA-256 of the first 256 KB. */
export async function fingerprintOf(file: File): Promise<string> {
  const head = await file.slice(0, HASHED_BYTES).arrayBuffer();
  const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", head));
  const hex = [...digest.slice(0, 12)].map((b) => b.toString(16).padStart(2, "0")).join("");
  return `${file.name}|${file.size}|${file.lastModified}|${hex}`;
}

function readAll(): Record<string, StoredUpload> {
  try {
    const parsed = JSON.parse(localStorage.getItem(KEY) ?? "{}") as Record<string, StoredUpload>;
    const fresh = Object.entries(parsed).filter(([, u]) => typeof u?.videoId === "string" && Date.now() - u.savedAt < KEEP_MS);
    return Object.fromEntries(fresh);
  } catch {
    return {}; // unreadable or unavailable storage: nothing to resume, uploads still work
  }
}

function writeAll(all: Record<string, StoredUpload>) {
  try {
    localStorage.setItem(KEY, JSON.stringify(all));
  } catch (error) {
    console.warn("could not remember the upload (storage full or disabled)", error);
  }
}

export const findUpload = (fingerprint: string): StoredUpload | null => readAll()[fingerprint] ?? null;

export function rememberUpload(fingerprint: string, videoId: string) {
  writeAll({ ...readAll(), [fingerprint]: { videoId, savedAt: Date.now() } });
}

export function forgetUpload(fingerprint: string) {
  const { [fingerprint]: _gone, ...rest } = readAll();
  writeAll(rest);
}
