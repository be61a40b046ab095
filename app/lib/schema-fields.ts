/**
 * Field schemas the forms and API bodies of every capability share (plain, so the browser can
 * parse with them too). Each takes its own messages: they are what the field shows.
 */
import { z } from "zod";

/**
 * A required one-line text: trimmed, not empty, at most `max` characters. A value that is not a
 * string gets `notText`, or the empty message when there is none.
 */
export function requiredText(max: number, messages: { empty: string; tooLong: string; notText?: string }) {
  return z
    .string({ error: messages.notText ?? messages.empty })
    .trim()
    .min(1, messages.empty)
    .max(max, messages.tooLong);
}

/** A row id from a form field (a string) or a JSON body (a number). */
export const positiveId = (message: string) =>
  z.coerce.number({ error: message }).int(message).positive(message);

/** An id that may be left out: an empty form field or null is none. */
export const optionalId = (message?: string) =>
  z.preprocess(
    (v) => (v === "" || v == null ? undefined : v),
    z.coerce.number({ error: message }).int(message).positive(message).optional(),
  );
