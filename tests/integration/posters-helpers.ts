// Shared setup of the poster integration tests: a studio with a public address (the QR codes
// point there), one poster's copy, and the API calls every poster test makes.
import { expect } from "vitest";
import { action as postersAction } from "~/routes/api.v1.posters";
import { action as posterAction } from "~/routes/api.v1.posters.$id";
import { jsonRequest, respond, routeArgs, withTestStudio } from "../setup/test-studio";

/** The studio under test, with the public address the posters' QR codes carry. */
export const withPosterStudio = () =>
  withTestStudio({ env: { PUBLIC_BASE_URL: "https://studio.example.cn" } });

/** One offer poster's copy, as the editor sends it. */
export const POSTER_FIELDS: Record<string, string> = {
  headline: "年终购车节，全系钜惠",
  offer: "直降 2 万元",
  validFrom: "2026-12-01",
  validTo: "2026-12-31",
};

/** A route's answer as status and JSON body (null where the body is not JSON). */
export async function answerOf(fn: () => Promise<unknown>) {
  const response = await respond(fn);
  return {
    status: response.status,
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- replies read field by field
    body: (await response.json().catch(() => null)) as Record<string, any>,
  };
}

/** Creates an offer poster through the API, as `cookie`'s user, and expects it made. */
export async function createPoster(
  cookie: string,
  fields: Record<string, string> = POSTER_FIELDS,
): Promise<{ id: number; version: number }> {
  const created = await answerOf(() =>
    postersAction(
      routeArgs(
        jsonRequest(
          "/api/v1/posters",
          "POST",
          { title: "年终购车节", template: "offer", size: "moments", fields },
          { Cookie: cookie },
        ),
      ),
    ),
  );
  expect(created.status).toBe(201);
  return created.body as { id: number; version: number };
}

/** PATCH /api/v1/posters/{id} with `body`, as `cookie`'s user; the answer as status and body. */
export const patchPoster = (cookie: string, id: number, body: unknown) =>
  answerOf(() =>
    posterAction(
      routeArgs(jsonRequest(`/api/v1/posters/${id}`, "PATCH", body, { Cookie: cookie }), { id: String(id) }),
    ),
  );
