import type { MetaFunction } from "@remix-run/node";
import { metaTranslator } from "~/i18n/i18n";

/** A page's `meta` whose title is one string (its i18next key), in the page's language. */
export function pageTitleMeta(titleKey: string): MetaFunction {
  return ({ matches }) => {
    const t = metaTranslator(matches);
    return [{ title: t("common.pageTitle", { title: t(titleKey) }) }];
  };
}
