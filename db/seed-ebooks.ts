import type { Db } from "../app/lib/db.server";
import type { Actor } from "../app/modules/auth/actor";

/** Demo data of the ebooks capability; runs once (its own marker in app_meta). */
export async function seedEbooksDemo(_options: { db: Db; now: Date; dataDir: string; users: Map<string, Actor> }): Promise<void> {}
