import { useFetcher } from "@remix-run/react";
import { useEffect } from "react";
import { useNotify } from "~/components/calendar/notices";
import { useActionReply } from "~/components/use-action-reply";

/**
 * One intent of a page posted through its own fetcher (a drawer's form, a confirm dialog): when
 * its answer is a success, the server's notice is shown and `onDone` runs (the drawer or dialog
 * closes); a failure stays on the form, at its field.
 */
export function useIntentAction<D extends object = object>(intent: string, onDone: (data: D) => void) {
  const fetcher = useFetcher();
  const answer = useActionReply<D>({ fetcher, intent });
  const notify = useNotify();
  useEffect(() => {
    if (fetcher.state !== "idle" || !answer.reply?.ok) return;
    if (answer.notice) notify({ color: "green", message: answer.notice });
    onDone(answer.reply as D);
    // Only a new answer matters, not a re-render with the same one.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [fetcher.state, answer.reply]);
  return { fetcher, answer, busy: fetcher.state !== "idle" };
}
