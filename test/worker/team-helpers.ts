// Workspaces with several people: an owner, and members invited by link with a role (the way the API is used).
import { Client, type Fetcher, signedUpClient, unique } from "./helpers";

export type Member = { client: Client; userId: string; email: string };

export async function me(client: Client) {
  return (await client.json("/api/me")).body as {
    user: { id: string; email: string };
    workspace: { id: string; name: string; role: string };
  };
}

/** Invites a new person with `role` into the owner's current workspace; they accept and work in it. */
export async function invited(owner: Client, role: "admin" | "editor" | "viewer", worker?: Fetcher): Promise<Member> {
  const invite = await owner.json("/api/invites", { role });
  if (invite.status !== 201) throw new Error(`invite failed: ${invite.status} ${JSON.stringify(invite.body)}`);
  const token = new URL(invite.body.url).hash.slice(1);
  const client = await signedUpClient(worker);
  const accepted = await client.json("/api/invites/accept", { token });
  if (accepted.status !== 200) throw new Error(`accept failed: ${accepted.status} ${JSON.stringify(accepted.body)}`);
  const { user } = await me(client);
  return { client, userId: user.id, email: user.email };
}

/** An API token of `client` in its current workspace. */
export async function apiToken(client: Client, fields: Record<string, unknown> = {}) {
  const { status, body } = await client.json("/api/tokens", { name: unique("script "), ...fields });
  if (status !== 201) throw new Error(`token failed: ${status} ${JSON.stringify(body)}`);
  return body as { token: string; apiToken: { id: string } };
}

/** A client that authenticates with an API token only (no cookie, no Origin: a script). */
export function tokenClient(token: string, worker?: Fetcher) {
  const client = new Client(worker);
  const original = client.fetch.bind(client);
  client.fetch = (path, init = {}) => {
    const headers = new Headers(init.headers);
    headers.set("authorization", `Bearer ${token}`);
    if (!headers.has("origin")) headers.set("origin", "https://scripts.example");
    return original(path, { ...init, headers });
  };
  return client;
}
