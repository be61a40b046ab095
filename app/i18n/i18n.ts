import i18next, { type i18n } from "i18next";
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
  });
  return instance;
}

export function parseLanguage(cookieHeader: string | null): Language {
  const match = /(?:^|;\s*)lang=(zh|en)/.exec(cookieHeader ?? "");
  return (match?.[1] as Language | undefined) ?? "zh";
}
