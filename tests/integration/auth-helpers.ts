// Shared setup of the sign-in and API tests: requests from one client address, API tokens made on
// the admin page, and password changes on the account page.
import { action as accountAction } from "~/routes/_app.account";
import { action as tokensAction } from "~/routes/_app.admin.tokens";
import { action as apiCreatePiece } from "~/routes/api.v1.pieces";
import { callRoute, formRequest, jsonRequest, type RouteHandler } from "../setup/test-studio";

/** The loaders and actions run as a request from this address, as Remix passes it. */
export const call = (handler: RouteHandler, request: Request, params: Record<string, string> = {}) =>
  callRoute(handler, request, params, "10.0.0.9");

/** An API token for `userId`, made by an admin on the tokens page; the token itself, shown once. */
export async function createToken(adminCookie: string, userId: number, name = "自动化") {
  const res = await call(
    tokensAction,
    formRequest("/admin/tokens", { intent: "create", name, userId: String(userId) }, adminCookie),
  );
  return (await res.json()).token as string;
}

/** Posts the account page's password form as the holder of `cookie`; the action's response. */
export const changePassword = (cookie: string, currentPassword: string, newPassword: string) =>
  call(accountAction, formRequest("/account", { currentPassword, newPassword }, cookie));

/** POST /api/v1/pieces with a JSON `body` and `headers` (a Cookie or a token, an Origin…). */
export const postPiece = (body: unknown, headers: Record<string, string> = {}) =>
  call(apiCreatePiece, jsonRequest("/api/v1/pieces", "POST", body, headers));
