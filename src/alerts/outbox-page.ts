// The development outbox as a page a person opens in the browser (GET /api/email-outbox/page): every email that
// would have gone out, newest first. Plain HTML, no script, every value escaped.
type OutboxEmail = { to: string; subject: string; text: string; createdAt: string };

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);

export function outboxPage(emails: OutboxEmail[]) {
  const items = emails
    .map(
      (e) =>
        `<article><h2>${escapeHtml(e.subject)}</h2><p>To ${escapeHtml(e.to)} · ${escapeHtml(e.createdAt)}</p><pre>${escapeHtml(e.text)}</pre></article>`,
    )
    .join("\n");
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Postflare: development outbox</title></head>
<body><h1>Development outbox</h1><p>${emails.length} email(s) that would have gone out (no email provider configured).</p>
${items || "<p>Nothing yet.</p>"}</body></html>`;
}
