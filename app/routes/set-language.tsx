import type { ActionFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";

// A display preference kept in a cookie; it changes nothing stored, so it needs no role.
export async function action({ request }: ActionFunctionArgs) {
  const form = await request.formData();
  const lang = form.get("lang") === "en" ? "en" : "zh";
  const to = String(form.get("redirectTo") ?? "/");
  return redirect(to.startsWith("/") && !to.startsWith("//") ? to : "/", {
    headers: { "Set-Cookie": `lang=${lang}; Path=/; Max-Age=31536000; SameSite=Lax` },
  });
}
