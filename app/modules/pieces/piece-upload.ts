import type { Db } from "~/lib/db.server";
import type { Actor } from "../auth/actor";

/**
 * What a use case that stores one uploaded file of a piece takes (an article's cover, a poster's
 * photo or finished image, a book's image): the bytes already read, checked before anything is
 * written under `dataDir`.
 */
export interface PieceUploadOptions {
  db: Db;
  dataDir: string;
  actor: Actor;
  pieceId: number;
  bytes: Buffer;
  now: Date;
}
