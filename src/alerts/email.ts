// Email behind one small interface. With EMAIL_API_KEY set, a Resend-style HTTP API (POST <EMAIL_API_BASE>/emails,
// bearer key, Idempotency-Key header; Resend's own, or any service speaking it); without, the development outbox
// (D1 `email_outbox`, GET /api/email-outbox) keeps every email that would have gone out.
import type { Database } from "../db/client";
import { emailOutbox } from "../db/schema";
import { randomToken } from "../shared/crypto";

export type Email = { to: string; subject: string; text: string; idempotencyKey: string; workspaceId: string | null };
export interface EmailProvider {
  readonly name: "http" | "outbox";
  send(email: Email, now: number): Promise<void>;
}

export class HttpEmailProvider implements EmailProvider {
  readonly name = "http";
  private readonly base: string;
  private readonly apiKey: string;
  private readonly from: string;

  constructor(base: string, apiKey: string, from: string) {
    this.base = base;
    this.apiKey = apiKey;
    this.from = from;
  }

  async send(email: Email) {
    const response = await fetch(`${this.base.replace(/\/$/, "")}/emails`, {
      method: "POST",
      signal: AbortSignal.timeout(10_000),
      headers: { authorization: `Bearer ${this.apiKey}`, "content-type": "application/json", "idempotency-key": email.idempotencyKey },
      body: JSON.stringify({ from: this.from, to: [email.to], subject: email.subject, text: email.text }),
    });
    if (!response.ok) throw new Error(`email provider answered ${response.status}: ${(await response.text()).slice(0, 200)}`);
  }
}

export class OutboxEmailProvider implements EmailProvider {
  readonly name = "outbox";
  private readonly db: Database;

  constructor(db: Database) {
    this.db = db;
  }

  async send(email: Email, now: number) {
    const { to, subject, text, idempotencyKey, workspaceId } = email;
    await this.db
      .insert(emailOutbox)
      .values({ id: `eml_${randomToken(12)}`, workspaceId, toAddress: to, subject, text, idempotencyKey, createdAt: now })
      .onConflictDoNothing();
  }
}

export function emailProvider(env: Env, db: Database): EmailProvider {
  if (env.EMAIL_API_KEY) return new HttpEmailProvider(env.EMAIL_API_BASE, env.EMAIL_API_KEY, env.EMAIL_FROM);
  return new OutboxEmailProvider(db);
}
