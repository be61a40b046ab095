import type { Db } from "../app/lib/db.server";
import type { Actor } from "../app/modules/auth/actor";

/** Demo data of the media capability; runs once (its own marker in app_meta). */
export async function seedMediaDemo(_options: { db: Db; now: Date; dataDir: string; users: Map<string, Actor> }): Promise<void> {}
