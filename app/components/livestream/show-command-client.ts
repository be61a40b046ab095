import type { ShowAction, ShowState } from "~/modules/livestream/show-state";
import type { ShowCommandResult } from "./show-view-types";

/** Posts one command to the show's command route and turns any answer into a ShowCommandResult. */
export function showCommandSender(url: string, messages: { failed: string }) {
  return async (action: ShowAction): Promise<ShowCommandResult> => {
    try {
      const response = await fetch(url, {
        method: "POST",
        headers: { "Content-Type": "application/json", Accept: "application/json" },
        body: JSON.stringify(action),
        credentials: "same-origin",
      });
      const body = (await response.json().catch(() => null)) as {
        ok?: boolean;
        state?: ShowState;
        serverNow?: number;
        error?: { code?: string; message?: string };
        message?: string;
      } | null;
      if (response.ok && body?.ok) return { ok: true, state: body.state, serverNow: body.serverNow };
      return {
        ok: false,
        message: body?.error?.message ?? body?.message ?? `${messages.failed} (${response.status})`,
        code: body?.error?.code,
      };
    } catch {
      return { ok: false, message: messages.failed };
    }
  };
}
