// The poster editor's live preview on a real renderer: copy in the query is drawn, a field the
// query leaves out keeps its saved copy (a bare preview URL shows the poster as saved), and a
// field sent empty is drawn empty.
import { describe, expect, it } from "vitest";
import { loader as previewLoader } from "~/routes/posters.$id.preview";
import { getRequest, respond, routeArgs, signedInUser } from "../setup/test-studio";
import { createPoster, POSTER_FIELDS, withPosterStudio } from "./posters-helpers";

const t = withPosterStudio();

/** The preview's PNG bytes for `query`. */
async function preview(cookie: string, id: number, query: Record<string, string>): Promise<Buffer> {
  const response = await respond(() =>
    previewLoader(
      routeArgs(getRequest(`/posters/${id}/preview?${new URLSearchParams(query)}`, { Cookie: cookie }), {
        id: String(id),
      }),
    ),
  );
  expect(response.status).toBe(200);
  expect(response.headers.get("Content-Type")).toBe("image/png");
  return Buffer.from(await response.arrayBuffer());
}

/** Whether two renders are the same image, byte for byte (a diff of two PNGs is no use to read). */
const same = (a: Buffer, b: Buffer) => a.equals(b);

describe("poster preview", () => {
  it("draws the saved copy for fields the query leaves out, and empty fields empty", async () => {
    const editor = await signedInUser(t.studio, ["editor"]);
    const fields = { ...POSTER_FIELDS, subline: "到店试驾即送保养礼包" };
    const { id } = await createPoster(editor.cookie, fields);

    // The editor's query with every field, a bare URL and a query with the template only: one image.
    const saved = await preview(editor.cookie, id, fields);
    expect(same(await preview(editor.cookie, id, {}), saved)).toBe(true);
    expect(same(await preview(editor.cookie, id, { template: "offer" }), saved)).toBe(true);

    // Sent empty means cleared, not "as saved": the subline is drawn empty, and a cleared headline
    // (which the template needs) is named as the field to fill.
    const noSubline = await preview(editor.cookie, id, { subline: "" });
    expect(same(noSubline, saved)).toBe(false);
    expect(same(noSubline, await preview(editor.cookie, id, { ...fields, subline: "" }))).toBe(true);
    const noHeadline = await respond(() =>
      previewLoader(
        routeArgs(getRequest(`/posters/${id}/preview?headline=`, { Cookie: editor.cookie }), {
          id: String(id),
        }),
      ),
    );
    expect(noHeadline.status).toBe(400);
    expect(await noHeadline.json()).toMatchObject({
      error: { code: "poster_field_required", field: "headline" },
    });

    // One field typed: that field changes, the others stay as saved.
    const headline = "冬季保养节，到店有礼";
    const typed = await preview(editor.cookie, id, { headline });
    expect(same(typed, await preview(editor.cookie, id, { ...fields, headline }))).toBe(true);
    expect(same(typed, saved)).toBe(false);
  });
});
