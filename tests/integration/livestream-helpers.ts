// Shared setup of the livestream integration tests: a show made through the API by a producer.
import { expect } from "vitest";
import type { Studio } from "~/lib/studio.server";
import { demoShowScriptInput } from "~/modules/livestream/demo-show-script";
import { action as apiCreate } from "~/routes/api.v1.livestreams";
import { jsonRequest, respond, routeArgs, signedInUser } from "../setup/test-studio";

/** A signed-in producer and host, and the demo show the producer created for them (201). */
export async function createDemoShow(studio: Studio) {
  const producer = await signedInUser(studio, ["producer"]);
  const host = await signedInUser(studio, ["host"]);
  const res = await respond(() =>
    apiCreate(
      routeArgs(
        jsonRequest(
          "/api/v1/livestreams",
          "POST",
          { ...demoShowScriptInput(), hostId: host.actor.id, producerId: producer.actor.id },
          { Cookie: producer.cookie },
        ),
      ),
    ),
  );
  expect(res.status).toBe(201);
  const show = await res.json();
  return { producer, host, id: String(show.id), show };
}
