// A caption as TikTok shows it: plain text, #hashtags and @mentions (which TikTok links and highlights).
export type CaptionToken = { kind: "text" | "hashtag" | "mention"; text: string };

const TAG = /([#@][\p{L}\p{N}_.]*[\p{L}\p{N}_])/gu;

export function captionTokens(caption: string): CaptionToken[] {
  const tokens: CaptionToken[] = [];
  let last = 0;
  for (const match of caption.matchAll(TAG)) {
    const start = match.index ?? 0;
    // A tag starts a word: "a#b" is text.
    if (start > 0 && /[\p{L}\p{N}_]/u.test(caption[start - 1]!)) continue;
    if (start > last) tokens.push({ kind: "text", text: caption.slice(last, start) });
    tokens.push({ kind: match[0].startsWith("#") ? "hashtag" : "mention", text: match[0] });
    last = start + match[0].length;
  }
  if (last < caption.length) tokens.push({ kind: "text", text: caption.slice(last) });
  return tokens;
}

/** Appends text to a caption with one space between (what "insert hashtags" and templates do). */
export function appendToCaption(caption: string, addition: string): string {
  if (!caption.trim()) return addition;
  return /\s$/.test(caption) ? `${caption}${addition}` : `${caption} ${addition}`;
}
