// The committed video fixtures and their ffprobe facts inside workerd (handed over by test/global-setup.ts).
import { inject } from "vitest";

export const fixture = (name: string) => {
  const base64 = inject("videoFixtures")[name];
  if (base64 === undefined) throw new Error(`no video fixture ${name}`);
  return Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
};

export const ffprobe = (name: string) => inject("ffprobe")[name] ?? null;

export const FIXTURE_NAMES = () => Object.keys(inject("videoFixtures")).sort();
