import { translator } from "~/i18n/i18n";
import type { Language } from "~/i18n/locales";
import { isErrorCode, type ErrorParams } from "./error-codes";

/** Whatever names a failure: a module's `Failure`, an API error, a refusal. */
export interface CodedMessage {
  code: string;
  /** The module's own (Chinese) text: the fallback. */
  message: string;
  params?: ErrorParams;
}

const UNFILLED = /\{\{[^}]*\}\}/;

/**
 * A failure's text in `lang`: `errors.<code>` (or its context variant) with the failure's params.
 * The module's message is the answer when the code is unknown, has no text, or its text needs a
 * value the failure does not carry — better Chinese with the facts than English without them.
 */
export function errorMessage(failure: CodedMessage, lang: Language): string {
  if (!isErrorCode(failure.code)) return failure.message;
  const text = translator(lang)(`errors.${failure.code}`, {
    ...failure.params,
    defaultValue: failure.message,
  });
  return typeof text !== "string" || !text || UNFILLED.test(text) ? failure.message : text;
}
