import i18next, { type i18n, type TFunction } from "i18next";
import { ebooksEn, ebooksZh } from "./ebooks";
import { en, zh, type Language } from "./locales";
import { livestreamEn, livestreamZh } from "./livestream";
import { mediaEn, mediaZh } from "./media";

// Each capability keeps its strings in its own file, merged under its own key.
export const resources = {
  zh: { translation: { ...zh, media: mediaZh, livestream: livestreamZh, ebooks: ebooksZh } },
  en: { translation: { ...en, media: mediaEn, livestream: livestreamEn, ebooks: ebooksEn } },
};

/** A fresh, synchronously initialised instance per render (server) or per page load (browser). */
export function createI18n(lang: Language): i18n {
  const instance = i18next.createInstance();
  void instance.init({
    lng: lang,
    fallbackLng: "zh",
    resources,
    interpolation: { escapeValue: false },
    initAsync: false,
    // Server logs and test output stay free of the library's console banner.
    showSupportNotice: false,
  });
  return instance;
}

const translators = new Map<Language, TFunction>();

/**
 * `t` for one language outside a page: a printed rundown, a generated script text, a stored
 * title. It reads the same resources as the screens, so every string still has one source.
 */
export function translator(lang: Language = "zh"): TFunction {
  let t = translators.get(lang);
  if (!t) {
    t = createI18n(lang).getFixedT(lang);
    translators.set(lang, t);
  }
  return t;
}

/** `t` for a route's `meta`, in the language the root loader read from the cookie. */
export function metaTranslator(matches: readonly { id: string; data?: unknown }[]): TFunction {
  const root = matches.find((match) => match.id === "root")?.data as { lang?: unknown } | undefined;
  return translator(root?.lang === "en" ? "en" : "zh");
}

export function parseLanguage(cookieHeader: string | null): Language {
  const match = /(?:^|;\s*)lang=(zh|en)/.exec(cookieHeader ?? "");
  return (match?.[1] as Language | undefined) ?? "zh";
}
