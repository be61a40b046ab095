import type { Db } from "~/lib/db.server";
import { logger } from "~/lib/logger.server";
import { connectionOf } from "./direct-statement.server";
import { recordEvents } from "./record-events.server";

type Batch = Omit<Parameters<typeof recordEvents>[0], "tx" | "db">;
type Outcome = { accepted: number; duplicates: number };

interface Waiting {
  batch: Batch;
  resolve: (outcome: Outcome) => void;
  reject: (error: unknown) => void;
}

/** Most batches one transaction takes; more wait for the next turn. */
const MAX_GROUP = 500;

/**
 * Group commit: batches that arrive while the event loop is busy are written together in one
 * transaction on its next turn, and each request is answered only after that transaction has
 * committed. A 2xx therefore means "on disk" (a killed process loses nothing it answered), while
 * a burst costs one commit instead of one per request. If the group's transaction fails, each
 * batch is retried alone, so one bad batch fails only its own request.
 */
export function createEventWriter(db: Db) {
  let queue: Waiting[] = [];
  let scheduled = false;

  // The connection's own transaction (BEGIN … COMMIT, ROLLBACK on a throw), made once: drizzle's
  // wrapper builds two objects per transaction. recordEvents runs on the same connection.
  const connection = connectionOf(db);
  if (!connection) throw new Error("The event writer needs the database handle, not a transaction");
  const writeGroup = connection.transaction((group: Waiting[]) =>
    group.map((item) => recordEvents({ tx: db, db, ...item.batch })),
  );

  function writeAlone(item: Waiting) {
    try {
      item.resolve(writeGroup([item])[0]!);
    } catch (error) {
      item.reject(error);
    }
  }

  function flush() {
    scheduled = false;
    const group = queue.slice(0, MAX_GROUP);
    queue = queue.slice(MAX_GROUP);
    if (queue.length > 0) schedule();
    let outcomes: Outcome[];
    try {
      outcomes = writeGroup(group);
    } catch (error) {
      logger.warn(
        { err: error, batches: group.length },
        "event group commit failed; writing batches one by one",
      );
      for (const item of group) writeAlone(item);
      return;
    }
    group.forEach((item, index) => item.resolve(outcomes[index]!));
  }

  function schedule() {
    if (scheduled) return;
    scheduled = true;
    setImmediate(flush);
  }

  return {
    write(batch: Batch): Promise<Outcome> {
      return new Promise((resolve, reject) => {
        queue.push({ batch, resolve, reject });
        schedule();
      });
    },
  };
}

export type EventWriter = ReturnType<typeof createEventWriter>;

const writers = new WeakMap<Db, EventWriter>();

/** One writer per database handle (the studio's, or a test's). */
export function eventWriterFor(db: Db): EventWriter {
  let writer = writers.get(db);
  if (!writer) {
    writer = createEventWriter(db);
    writers.set(db, writer);
  }
  return writer;
}
