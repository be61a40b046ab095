import { fail, type Result } from "~/lib/result";
import { STREAM_CLOSED_EVENT, type ShowStreamMessage } from "./clock-sync";
import { HEARTBEAT_MS } from "./livestream-rules";
import type { ShowState } from "./show-state";

export type ShowMessageSender = (message: ShowStreamMessage) => void;

/** A prompter, a console and a few spare tabs or reconnect overlaps per person and show. */
export const MAX_STREAMS_PER_HOLDER = 5;
/** Host, producer and the team watching one show, with room to spare. */
export const MAX_STREAMS_PER_SHOW = 50;
/** An open stream asks again whether its holder may still watch every this many heartbeats. */
export const RECHECK_EVERY_BEATS = 5;

export interface CreateShowHubOptions {
  /** The hub keeps no state of its own beyond a cache: the lead's store is the truth. */
  loadState: (showId: string) => ShowState | null | Promise<ShowState | null>;
  now?: () => number;
  heartbeatMs?: number;
  maxStreamsPerHolder?: number;
  maxStreamsPerShow?: number;
  recheckEveryBeats?: number;
}

/** Who holds an event stream, and how the hub asks again whether they still may. */
export interface StreamAccess {
  /** One key per person (the user id): the per-person cap counts streams by it. */
  holder: string;
  /** Asked every few heartbeats; false, or a throw, ends the stream with a `closed` event. */
  stillAllowed: () => boolean | Promise<boolean>;
}

export interface ShowHub {
  /** Sends a snapshot to `send` at once (the store's current state), then every publish. */
  subscribe(showId: string, send: ShowMessageSender): () => void;
  publish(showId: string, state: ShowState): void;
  /**
   * A `text/event-stream` Response for one subscriber; ends when the request aborts or when
   * `access.stillAllowed` says no. Refused with 429 past the per-person or per-show cap.
   */
  createEventStreamResponse(
    showId: string,
    request: Request,
    access: StreamAccess,
  ): Result<{ response: Response }>;
  /** Answer to a client's clock probe: `{ serverNow }`. */
  createTimeResponse(): Response;
  subscriberCount(showId: string): number;
  close(): void;
}

interface Channel {
  senders: Set<ShowMessageSender>;
  version: number;
}

interface OpenStream {
  access: StreamAccess;
  beatsSinceCheck: number;
  checking: boolean;
  /** Closes the stream; `notify` first tells the client not to come back. */
  end: (notify: boolean) => void;
}

const encoder = new TextEncoder();

export function createShowHub(options: CreateShowHubOptions): ShowHub {
  const now = options.now ?? Date.now;
  const heartbeatMs = options.heartbeatMs ?? HEARTBEAT_MS;
  const maxPerHolder = options.maxStreamsPerHolder ?? MAX_STREAMS_PER_HOLDER;
  const maxPerShow = options.maxStreamsPerShow ?? MAX_STREAMS_PER_SHOW;
  const recheckEveryBeats = options.recheckEveryBeats ?? RECHECK_EVERY_BEATS;
  const channels = new Map<string, Channel>();
  /** The event streams open per show, each with its holder; beside `channels`, which are senders. */
  const streams = new Map<string, Set<OpenStream>>();
  let timer: ReturnType<typeof setInterval> | null = null;

  const deliver = (send: ShowMessageSender, message: ShowStreamMessage) => {
    try {
      send(message);
    } catch {
      // A dead connection must not stop the others; its abort handler unsubscribes it.
    }
  };

  // A stream outlives the request that checked its session: ask again on the heartbeat, one
  // question at a time per stream, and end it once the answer is no (or cannot be had).
  const recheck = (stream: OpenStream) => {
    stream.beatsSinceCheck += 1;
    if (stream.checking || stream.beatsSinceCheck < recheckEveryBeats) return;
    stream.beatsSinceCheck = 0;
    stream.checking = true;
    Promise.resolve()
      .then(() => stream.access.stillAllowed())
      .then(
        (allowed) => allowed || stream.end(true),
        () => stream.end(true),
      )
      .finally(() => {
        stream.checking = false;
      });
  };

  const beat = () => {
    const serverNow = now();
    for (const channel of channels.values()) {
      for (const send of channel.senders)
        deliver(send, { type: "heartbeat", serverNow, version: channel.version });
    }
    for (const open of streams.values()) for (const stream of open) recheck(stream);
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

  const createEventStreamResponse: ShowHub["createEventStreamResponse"] = (showId, request, access) => {
    const open = streams.get(showId) ?? new Set<OpenStream>();
    if (open.size >= maxPerShow)
      return fail(429, "too_many_streams", `这场直播的实时连接已达上限（${maxPerShow} 个），请稍后再试。`, {
        params: { max: maxPerShow },
      });
    let held = 0;
    for (const other of open) if (other.access.holder === access.holder) held += 1;
    if (held >= maxPerHolder)
      return fail(
        429,
        "too_many_streams",
        `你在这场直播已打开 ${maxPerHolder} 个实时连接（提词器、场控台等窗口），请先关闭不用的窗口再试。`,
        { params: { context: "holder", max: maxPerHolder } },
      );

    // The slot is taken now, before the stream starts, so simultaneous opens cannot overshoot.
    const entry: OpenStream = { access, beatsSinceCheck: 0, checking: false, end: () => {} };
    open.add(entry);
    streams.set(showId, open);
    const release = () => {
      open.delete(entry);
      if (open.size === 0 && streams.get(showId) === open) streams.delete(showId);
    };
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
          release();
          unsubscribe();
          request.signal.removeEventListener("abort", cleanup);
          try {
            controller.close();
          } catch {
            // Already closed by the runtime.
          }
        };
        entry.end = (notify) => {
          // A named event: screens stop reconnecting and say why, where a plain close would retry.
          if (notify) write(`event: ${STREAM_CLOSED_EVENT}\ndata: {"reason":"access"}\n\n`);
          cleanup();
        };
        if (request.signal.aborted) cleanup();
        else request.signal.addEventListener("abort", cleanup);
      },
      cancel() {
        cleanup();
      },
    });
    const response = new Response(stream, {
      headers: {
        "Content-Type": "text/event-stream; charset=utf-8",
        "Cache-Control": "no-cache, no-transform",
        Connection: "keep-alive",
        // Reverse proxies (nginx) buffer responses by default, which would hold heartbeats back.
        "X-Accel-Buffering": "no",
      },
    });
    return { ok: true, response };
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
      for (const open of [...streams.values()]) for (const stream of [...open]) stream.end(false);
      channels.clear();
      syncTimer();
    },
  };
}
