// HTML for the emulated TikTok consent screen and its error page.

const esc = (s: string) =>
  s.replace(/[&<>"']/g, (ch) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[ch] ?? ch);

const SCOPE_LABELS: Record<string, string> = {
  "user.info.basic": "Read your profile info (avatar, display name)",
  "user.info.profile": "Read your profile details (username, bio)",
  "user.info.stats": "Read your follower and video counts",
  "video.list": "Read your public videos",
  "video.publish": "Post content to TikTok on your behalf",
  "video.upload": "Upload content to TikTok as drafts",
};

/** user.info.basic is shown ticked and locked, like TikTok's mandatory basic-info permission. */
export const LOCKED_SCOPE = "user.info.basic";

export function consentPage(p: { session: string; clientKey: string; redirectUri: string; scopes: string[]; username: string }): string {
  const boxes = p.scopes
    .map((s) => {
      const locked = s === LOCKED_SCOPE;
      return `<label><input type="checkbox" name="scope" value="${esc(s)}" checked${locked ? " disabled" : ""}> ${esc(SCOPE_LABELS[s] ?? s)} <code>${esc(s)}</code></label>`;
    })
    .join("\n      ");
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>TikTok (emulator) — Authorize</title>
<style>body{font-family:system-ui,sans-serif;max-width:28rem;margin:3rem auto;padding:0 1rem}label{display:block;margin:.4rem 0}
button{padding:.6rem 1.2rem;margin-right:.5rem}.app{color:#555}</style></head>
<body>
  <h1>TikTok</h1>
  <p class="app"><strong>${esc(p.clientKey)}</strong> would like to access your TikTok account.</p>
  <p class="app">You will be returned to <code>${esc(p.redirectUri)}</code></p>
  <form method="post" action="/v2/auth/authorize/">
    <input type="hidden" name="session" value="${esc(p.session)}">
    <label>Log in as <input type="text" name="username" value="${esc(p.username)}" required pattern="[A-Za-z0-9._]{2,24}"></label>
    <fieldset><legend>Permissions</legend>
      ${boxes}
    </fieldset>
    <p>
      <button type="submit" name="action" value="authorize">Authorize</button>
      <button type="submit" name="action" value="cancel" formnovalidate>Cancel</button>
    </p>
  </form>
</body></html>`;
}

export function errorPage(error: string, description: string): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>TikTok (emulator) — Error</title></head>
<body><h1>Something went wrong</h1><p><code id="error">${esc(error)}</code></p><p id="error_description">${esc(description)}</p></body></html>`;
}
