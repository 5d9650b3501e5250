// A local HTTP receiver for the Worker tests: it stands in for webhook endpoints, Slack and Discord incoming webhooks
// and the email provider. `POST /<name>` is recorded under its name and answered with the status queued for that
// name (200 when none); the control API (`/__sink/<name>`) reads the records, queues answers, or forgets a name.
import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";

type Received = { method: string; path: string; headers: Record<string, string>; body: string };

async function read(req: IncomingMessage) {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

export async function startSink() {
  const received = new Map<string, Received[]>();
  const answers = new Map<string, number[]>();
  const server = createServer(async (req, res) => {
    const url = new URL(req.url ?? "/", "http://sink");
    const body = await read(req);
    const control = /^\/__sink\/([^/]+)$/.exec(url.pathname);
    res.setHeader("content-type", "application/json");
    if (control) {
      const name = control[1]!;
      if (req.method === "PUT") answers.set(name, (JSON.parse(body) as { statuses: number[] }).statuses);
      if (req.method === "DELETE") {
        received.delete(name);
        answers.delete(name);
      }
      res.end(JSON.stringify({ received: received.get(name) ?? [] }));
      return;
    }
    const name = url.pathname.split("/")[1] ?? "";
    const headers = Object.fromEntries(Object.entries(req.headers).map(([k, v]) => [k, String(v)]));
    received.set(name, [...(received.get(name) ?? []), { method: req.method ?? "", path: url.pathname + url.search, headers, body }]);
    res.statusCode = answers.get(name)?.shift() ?? 200;
    res.end(JSON.stringify({ ok: res.statusCode < 300 }));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}
