// An invite link is `<app>/invite#<token>`. The token is kept for this tab while the visitor signs in or signs up
// (the auth screens move between /login and /signup and drop the hash), then the invite screen picks it up again.
const KEY = "pf_invite";

/** The invite token from the address (remembered for this tab) or the one remembered earlier. */
export function inviteToken(): string | null {
  const fromHash = window.location.pathname === "/invite" ? window.location.hash.slice(1) : "";
  try {
    if (fromHash) sessionStorage.setItem(KEY, fromHash);
    return fromHash || sessionStorage.getItem(KEY);
  } catch {
    return fromHash || null;
  }
}

export function forgetInvite(): void {
  try {
    sessionStorage.removeItem(KEY);
  } catch {
    // Storage unavailable: nothing was remembered.
  }
}
