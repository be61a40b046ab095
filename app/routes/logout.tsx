import type { ActionFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { clearSessionCookie, findActor, readSessionToken } from "~/lib/auth.server";
import { getStudio } from "~/lib/studio.server";
import { signOut } from "~/modules/auth/sessions.server";

export async function loader() {
  return redirect("/");
}

export async function action({ request }: ActionFunctionArgs) {
  const token = await readSessionToken(request);
  const actor = await findActor(request);
  if (token && actor) {
    const { db, now } = getStudio();
    signOut({ db, token, actor, now: now() });
  }
  return redirect("/login", { headers: { "Set-Cookie": await clearSessionCookie() } });
}
