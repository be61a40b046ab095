import type { ShowStreamMessage } from "./clock-sync";
import { HEARTBEAT_MS } from "./livestream-rules";
import type { ShowState } from "./show-state";

export type ShowMessageSender = (message: ShowStreamMessage) => void;

export interface CreateShowHubOptions {
  /** The hub keeps no state of its own beyond a cache: the lead's store is the truth. */
  loadState: (showId: string) => ShowState | null | Promise<ShowState | null>;
  now?: () => number;
  heartbeatMs?: number;
}

export interface ShowHub {
  /** Sends a snapshot to `send` at once (the store's current state), then every publish. */
  subscribe(showId: string, send: ShowMessageSender): () => void;
  publish(showId: string, state: ShowState): void;
  /** A `text/event-stream` Response for one subscriber; ends when the request aborts. */
  createEventStreamResponse(showId: string, request: Request): Response;
  /** Answer to a client's clock probe: `{ serverNow }`. */
  createTimeResponse(): Response;
  subscriberCount(showId: string): number;
  close(): void;
}

interface Channel {
  senders: Set<ShowMessageSender>;
  version: number;
}

const encoder = new TextEncoder();

export function createShowHub(options: CreateShowHubOptions): ShowHub {
  const now = options.now ?? Date.now;
  const heartbeatMs = options.heartbeatMs ?? HEARTBEAT_MS;
  const channels = new Map<string, Channel>();
  let timer: ReturnType<typeof setInterval> | null = null;

  const deliver = (send: ShowMessageSender, message: ShowStreamMessage) => {
    try {
      send(message);
    } catch {
      // A dead connection must not stop the others; its abort handler unsubscribes it.
    }
  };

  const beat = () => {
    const serverNow = now();
    for (const channel of channels.values()) {
      for (const send of channel.senders)
        deliver(send, { type: "heartbeat", serverNow, version: channel.version });
    }
  };

  // The timer lives only while someone listens, so an idle server (or a test) holds no handle.
  const syncTimer = () => {
    if (channels.size > 0 && !timer) {
      timer = setInterval(beat, heartbeatMs);
      timer.unref?.();
    } else if (channels.size === 0 && timer) {
      clearInterval(timer);
      timer = null;
    }
  };

  const subscribe: ShowHub["subscribe"] = (showId, send) => {
    let channel = channels.get(showId);
    if (!channel) {
      channel = { senders: new Set(), version: 0 };
      channels.set(showId, channel);
    }
    const ch = channel;
    ch.senders.add(send);
    syncTimer();
    let active = true;
    Promise.resolve()
      .then(() => options.loadState(showId))
      .then(
        (state) => {
          if (!active || !state) return;
          ch.version = Math.max(ch.version, state.version);
          deliver(send, { type: "snapshot", state, serverNow: now() });
        },
        () => {
          // The client retries by reconnecting; the stream's heartbeats show it is alive.
        },
      );
    return () => {
      active = false;
      ch.senders.delete(send);
      if (ch.senders.size === 0 && channels.get(showId) === ch) channels.delete(showId);
      syncTimer();
    };
  };

  const publish: ShowHub["publish"] = (showId, state) => {
    const channel = channels.get(showId);
    if (!channel) return;
    channel.version = Math.max(channel.version, state.version);
    const message: ShowStreamMessage = { type: "snapshot", state, serverNow: now() };
    for (const send of channel.senders) deliver(send, message);
  };

  const createEventStreamResponse: ShowHub["createEventStreamResponse"] = (showId, request) => {
    let cleanup = () => {};
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        let closed = false;
        const write = (chunk: string) => {
          if (!closed) controller.enqueue(encoder.encode(chunk));
        };
        // Tell EventSource to come back quickly; the snapshot on reconnect repairs any gap.
        write("retry: 1000\n\n");
        const unsubscribe = subscribe(showId, (message) => write(`data: ${JSON.stringify(message)}\n\n`));
        cleanup = () => {
          if (closed) return;
          closed = true;
          unsubscribe();
          request.signal.removeEventListener("abort", cleanup);
          try {
            controller.close();
          } catch {
            // Already closed by the runtime.
          }
        };
        if (request.signal.aborted) cleanup();
        else request.signal.addEventListener("abort", cleanup);
      },
      cancel() {
        cleanup();
      },
    });
    return new Response(stream, {
      headers: {
        "Content-Type": "text/event-stream; charset=utf-8",
        "Cache-Control": "no-cache, no-transform",
        Connection: "keep-alive",
        // Reverse proxies (nginx) buffer responses by default, which would hold heartbeats back.
        "X-Accel-Buffering": "no",
      },
    });
  };

  return {
    subscribe,
    publish,
    createEventStreamResponse,
    createTimeResponse: () =>
      new Response(JSON.stringify({ serverNow: now() }), {
        headers: { "Content-Type": "application/json", "Cache-Control": "no-store" },
      }),
    subscriberCount: (showId) => channels.get(showId)?.senders.size ?? 0,
    close: () => {
      channels.clear();
      syncTimer();
    },
  };
}
