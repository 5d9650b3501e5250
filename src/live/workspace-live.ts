// One Durable Object per workspace holding its open tabs' WebSockets (hibernatable: an idle socket costs no
// duration), and pushing every post write to them. Fed by the post-write hook (live-feed.ts); nothing is stored.
import { DurableObject } from "cloudflare:workers";
import { LIVE_PING, LIVE_PONG, type LiveFrame } from "./live.schemas";

export class WorkspaceLive extends DurableObject<Env> {
  constructor(ctx: DurableObjectState, env: Env) {
    super(ctx, env);
    // Keep-alive pings are answered by the runtime, so they never wake a hibernating object.
    ctx.setWebSocketAutoResponse(new WebSocketRequestResponsePair(LIVE_PING, LIVE_PONG));
  }

  /** A tab connects (the Worker has checked its session and origin). */
  async fetch(request: Request): Promise<Response> {
    if (request.headers.get("upgrade")?.toLowerCase() !== "websocket") return new Response("Expected a WebSocket upgrade", { status: 426 });
    const [client, server] = Object.values(new WebSocketPair()) as [WebSocket, WebSocket];
    this.ctx.acceptWebSocket(server);
    return new Response(null, { status: 101, webSocket: client });
  }

  /** Pushes a message to every open tab of the workspace; returns how many it reached. */
  async publish(message: LiveFrame): Promise<number> {
    const text = JSON.stringify(message);
    let reached = 0;
    for (const socket of this.ctx.getWebSockets()) {
      try {
        socket.send(text);
        reached += 1;
      } catch (error) {
        // A socket closing as we send: the tab reconnects and refetches, so nothing is lost.
        console.warn("live update not delivered to one tab", error);
      }
    }
    return reached;
  }

  async webSocketMessage(): Promise<void> {
    // Tabs only listen; pings are auto-answered above.
  }

  async webSocketClose(socket: WebSocket, code: number, reason: string): Promise<void> {
    // Complete the closing handshake (1005/1006 are reserved: answer with a normal close).
    socket.close(code === 1005 || code === 1006 ? 1000 : code, reason);
  }
}
