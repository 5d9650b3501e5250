// The tab's live connection (GET /api/live, a WebSocket to the workspace's Durable Object): every post write of the
// workspace arrives here within moments. Pages subscribe and refetch what they show; while the socket is down they
// poll instead (useLiveData), and they refetch once when it comes back (what happened meanwhile).
import type { LiveFrame, LiveMessage } from "../api.ts";

type Listener = (message: LiveMessage) => void;
type StatusListener = (open: boolean) => void;

const PING_MS = 30_000;
const MAX_BACKOFF_MS = 30_000;

class LiveConnection {
  private socket: WebSocket | null = null;
  private listeners = new Set<Listener>();
  private statusListeners = new Set<StatusListener>();
  private noticeListeners = new Set<() => void>();
  private retries = 0;
  private timer: number | undefined;
  private ping: number | undefined;
  private wanted = false;
  open = false;

  start() {
    if (this.wanted) return;
    this.wanted = true;
    this.connect();
  }

  stop() {
    this.wanted = false;
    window.clearTimeout(this.timer);
    this.socket?.close(1000, "signed out");
    this.socket = null;
    this.setOpen(false);
  }

  /** Tests and the dev console: drop the socket as a network would (the tab falls back to polling, then reconnects). */
  drop() {
    this.socket?.close(4000, "dropped");
  }

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Someone in the workspace got notifications (the bell refetches its person's). */
  onNotifications(listener: () => void): () => void {
    this.noticeListeners.add(listener);
    return () => this.noticeListeners.delete(listener);
  }

  onStatus(listener: StatusListener): () => void {
    this.statusListeners.add(listener);
    return () => this.statusListeners.delete(listener);
  }

  private connect() {
    const url = new URL("/api/live", window.location.href);
    url.protocol = url.protocol === "https:" ? "wss:" : "ws:";
    const socket = new WebSocket(url);
    this.socket = socket;
    socket.addEventListener("open", () => {
      this.retries = 0;
      this.setOpen(true);
      this.ping = window.setInterval(() => socket.readyState === WebSocket.OPEN && socket.send("ping"), PING_MS);
    });
    socket.addEventListener("message", (event) => {
      if (typeof event.data !== "string" || event.data === "pong") return;
      try {
        const message = JSON.parse(event.data) as LiveFrame;
        if (message.type === "posts") for (const listener of this.listeners) listener(message);
        else if (message.type === "notifications") for (const listener of this.noticeListeners) listener();
      } catch (error) {
        console.warn("unreadable live message", error);
      }
    });
    socket.addEventListener("close", () => {
      window.clearInterval(this.ping);
      if (this.socket === socket) this.socket = null;
      this.setOpen(false);
      if (!this.wanted) return;
      // Exponential backoff with jitter, capped: a restarting server is not hammered by every tab at once.
      const delay = Math.min(MAX_BACKOFF_MS, 1000 * 2 ** this.retries) * (0.75 + Math.random() * 0.5);
      this.retries += 1;
      this.timer = window.setTimeout(() => this.connect(), delay);
    });
  }

  private setOpen(open: boolean) {
    if (this.open === open) return;
    this.open = open;
    for (const listener of this.statusListeners) listener(open);
  }
}

/** One connection per tab. */
export const live = new LiveConnection();
declare global {
  interface Window {
    postflareLive?: LiveConnection;
  }
}
window.postflareLive = live;
