import type { ActionFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { readForm } from "~/lib/forms.server";
import { refuseCrossSite, safeRedirectPath } from "~/lib/request-guard.server";

// A display preference kept in a cookie; it changes nothing stored, so it needs no role.
export async function action({ request }: ActionFunctionArgs) {
  refuseCrossSite(request);
  const form = await readForm(request);
  const lang = form.get("lang") === "en" ? "en" : "zh";
  return redirect(safeRedirectPath(form.get("redirectTo")), {
    headers: { "Set-Cookie": `lang=${lang}; Path=/; Max-Age=31536000; SameSite=Lax` },
  });
}
