// Shared setup of the notification and comment tests: the team, reading notifications, the API.
import crypto from "node:crypto";
import { asc } from "drizzle-orm";
import { expect } from "vitest";
import { schema } from "~/lib/db.server";
import type { Studio } from "~/lib/studio.server";
import type { Actor } from "~/modules/auth/actor";
import { sha256Hex } from "~/modules/auth/password.server";
import type { Role } from "~/modules/auth/permissions";
import { createBook } from "~/modules/ebooks/create-book.server";
import { createPiece } from "~/modules/pieces/create-piece.server";
import { loader as notificationsApi } from "~/routes/api.v1.notifications";
import { action as markReadApi } from "~/routes/api.v1.notifications.read";
import {
  callRoute,
  getRequest,
  jsonRequest,
  sessionCookie,
  studioClient,
  withStudio,
} from "../setup/test-studio";
import { bookInput } from "./ebooks-helpers";

/**
 * A user with a session, written straight to the database: these tests sign in a whole team, and
 * hashing seven passwords would cost seconds (sign-in itself is tested elsewhere).
 */
async function teamMember(studio: Studio, roles: Role[], name: string) {
  const now = studio.now();
  const email = `${roles.join("-")}-${crypto.randomBytes(4).toString("hex")}@test.local`;
  const user = studio.db
    .insert(schema.users)
    .values({ email, name, passwordHash: "unused", roles, createdAt: now, updatedAt: now })
    .returning({ id: schema.users.id })
    .get();
  const token = crypto.randomBytes(32).toString("base64url");
  studio.db
    .insert(schema.sessions)
    .values({
      tokenHash: sha256Hex(token),
      userId: user.id,
      createdAt: now,
      expiresAt: new Date(now.getTime() + 3_600_000),
    })
    .run();
  const actor: Actor = { id: user.id, email, name, roles };
  return studioClient(actor, await sessionCookie(token));
}

/** Who works in the studio in these tests, each with a name of their own (mentions go by name). */
export async function team(studio: Studio) {
  return {
    owner: await teamMember(studio, ["copywriter"], "王芳"),
    otherWriter: await teamMember(studio, ["copywriter"], "李雷"),
    editor: await teamMember(studio, ["editor"], "张编辑"),
    editor2: await teamMember(studio, ["editor"], "赵审核"),
    admin: await teamMember(studio, ["admin"], "管理员"),
    host: await teamMember(studio, ["host"], "主播小陈"),
    producer: await teamMember(studio, ["producer"], "场控老周"),
  };
}

export function draftPiece(
  studio: Studio,
  owner: Actor,
  body = "第一行：雨季检查雨刮\n第二行：到店免费检测\n第三行：预约电话",
) {
  const created = createPiece({
    db: studio.db,
    actor: owner,
    input: { kind: "article", title: "雨季用车提醒", body },
    now: studio.now(),
  });
  if (!created.ok) throw new Error(created.message);
  return created.pieceId;
}

/** Everyone's notification rows, oldest first: who got what. */
export function notificationRows(studio: Studio) {
  return studio.db.select().from(schema.notifications).orderBy(asc(schema.notifications.id)).all();
}

/** The user ids that got a notification of `type`, sorted. */
export function recipientsOf(studio: Studio, type: string): number[] {
  return notificationRows(studio)
    .filter((n) => n.type === type)
    .map((n) => n.userId)
    .sort((a, b) => a - b);
}

export const ids = (...users: { actor: Actor }[]) => users.map((u) => u.actor.id).sort((a, b) => a - b);

export async function apiNotifications(cookie: string) {
  const response = await callRoute(notificationsApi, getRequest("/api/v1/notifications", { Cookie: cookie }));
  expect(response.status).toBe(200);
  return response.json();
}

export function apiMarkRead(cookie: string, body: unknown) {
  return callRoute(markReadApi, jsonRequest("/api/v1/notifications/read", "POST", body, { Cookie: cookie }));
}

/** A book with one section and one chapter, made by its owner; returns the ids the tests need. */
export function bookWithChapter(
  studio: Studio,
  owner: Actor,
  options: { kind: "ebook" | "handbook"; title: string; chapter: string; markdown: string },
) {
  const book = createBook({
    db: studio.db,
    actor: owner,
    input: bookInput(options.kind, options.title),
    now: studio.now(),
  });
  if (!book.ok) throw new Error(book.message);
  const pieceId = book.pieceId;
  const sectionId = studio.db
    .insert(schema.ebookSections)
    .values({ pieceId, title: "第一部分", position: 1 })
    .returning()
    .get().id;
  const chapter = studio.db
    .insert(schema.ebookChapters)
    .values({
      pieceId,
      sectionId,
      title: options.chapter,
      markdown: options.markdown,
      position: 1,
      updatedAt: studio.now(),
    })
    .returning()
    .get();
  return { pieceId, sectionId, chapterId: chapter.id };
}

/**
 * Gives every test of the calling file its own studio (see withStudio), with the team, pieces,
 * books and notification reads of this file bound to it.
 */
export function withNotificationStudio() {
  const t = withStudio();
  return {
    t,
    team: () => team(t.studio),
    draftPiece: (owner: Actor, body?: string) => draftPiece(t.studio, owner, body),
    bookWithChapter: (owner: Actor, options: Parameters<typeof bookWithChapter>[2]) =>
      bookWithChapter(t.studio, owner, options),
    notificationRows: () => notificationRows(t.studio),
    recipientsOf: (type: string) => recipientsOf(t.studio, type),
  };
}
