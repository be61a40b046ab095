import type { ActionFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { clearSessionCookie, findActor, readSessionToken } from "~/lib/auth.server";
import { refuseCrossSite } from "~/lib/request-guard.server";
import { getStudio } from "~/lib/studio.server";
import { signOut } from "~/modules/auth/sign-out.server";

export async function loader() {
  return redirect("/");
}

export async function action({ request }: ActionFunctionArgs) {
  // Another site must not sign people out behind their back.
  refuseCrossSite(request);
  const token = await readSessionToken(request);
  const actor = await findActor(request);
  if (token && actor) {
    const { db, now } = getStudio();
    signOut({ db, token, actor, now: now() });
  }
  return redirect("/login", { headers: { "Set-Cookie": await clearSessionCookie() } });
}
