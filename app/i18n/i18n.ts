import i18next, { type i18n } from "i18next";
import { en, zh, type Language } from "./locales";

/** A fresh, synchronously initialised instance per render (server) or per page load (browser). */
export function createI18n(lang: Language): i18n {
  const instance = i18next.createInstance();
  void instance.init({
    lng: lang,
    fallbackLng: "zh",
    resources: { zh: { translation: zh }, en: { translation: en } },
    interpolation: { escapeValue: false },
    initAsync: false,
  });
  return instance;
}

export function parseLanguage(cookieHeader: string | null): Language {
  const match = /(?:^|;\s*)lang=(zh|en)/.exec(cookieHeader ?? "");
  return (match?.[1] as Language | undefined) ?? "zh";
}
