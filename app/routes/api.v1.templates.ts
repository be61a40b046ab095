import type { LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { requireActor } from "~/lib/auth.server";
import { POSTER_SIZES, POSTER_TEMPLATES } from "~/modules/posters/render/poster-catalog";
import { POSTER_PIECE_SIZES } from "~/modules/posters/schemas";

export async function loader({ request }: LoaderFunctionArgs) {
  await requireActor(request, "pieces.read");
  return json({
    templates: POSTER_TEMPLATES,
    sizes: [...POSTER_PIECE_SIZES, "print_a4" as const].map((key) => ({ key, ...POSTER_SIZES[key] })),
  });
}
