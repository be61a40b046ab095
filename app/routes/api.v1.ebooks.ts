import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { writeJson } from "~/lib/api-answer.server";
import { requireActor, requireMethod } from "~/lib/auth.server";
import { getStudio } from "~/lib/studio.server";
import { createBook } from "~/modules/ebooks/create-book.server";
import { getBookPage } from "~/modules/ebooks/get-book-page.server";
import { listBooks } from "~/modules/ebooks/list-books.server";
import { resolvePublicBase } from "~/modules/ebooks/public-url.server";
import { createBookSchema } from "~/modules/ebooks/schemas";

export async function loader({ request }: LoaderFunctionArgs) {
  await requireActor(request, "ebooks.read");
  return json({ items: listBooks({ db: getStudio().db }) });
}

export async function action({ request }: ActionFunctionArgs) {
  requireMethod(request, "GET POST");
  const actor = await requireActor(request, "ebooks.edit");
  const { db, now } = getStudio();
  return writeJson(
    request,
    createBookSchema,
    (input) => createBook({ db, actor, input, now: now() }),
    ({ pieceId }) => getBookPage({ db, pieceId, actor, publicBase: resolvePublicBase(request.url) }),
    { status: 201 },
  );
}
