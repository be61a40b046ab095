import i18next, { type i18n, type TFunction } from "i18next";
import { analyticsEn, analyticsZh } from "./analytics";
import { articlesEn, articlesZh } from "./articles";
import { approvalsEn, approvalsZh } from "./approvals";
import { calendarEn, calendarZh } from "./calendar";
import { ebooksEn, ebooksZh } from "./ebooks";
import { errorsEn, errorsZh } from "./errors";
import { findingsEn, findingsZh } from "./findings";
import { homeEn, homeZh } from "./home";
import { importsEn, importsZh } from "./imports";
import { landingEn, landingZh } from "./landing";
import { leadsEn, leadsZh } from "./leads";
import { en, zh, type Language } from "./locales";
import { livestreamEn, livestreamZh } from "./livestream";
import { mediaEn, mediaZh } from "./media";
import { notificationsEn, notificationsZh } from "./notifications";
import { originalityEn, originalityZh } from "./originality";
import { posterPagesEn, posterPagesZh } from "./poster-pages";
import { postersEn, postersZh } from "./posters";
import { privacyAdminEn, privacyAdminZh, privacyEn, privacyZh } from "./privacy";
import { publishingEn, publishingZh } from "./publishing";
import { reviewEn, reviewZh } from "./review";
import { termsEn, termsZh } from "./terms";

// Each capability keeps its strings in its own file, merged under its own key.
export const resources = {
  zh: {
    translation: {
      ...zh,
      approvals: approvalsZh,
      media: mediaZh,
      livestream: livestreamZh,
      ebooks: ebooksZh,
      articles: articlesZh,
      posters: postersZh,
      posterPages: posterPagesZh,
      calendar: calendarZh,
      publishing: publishingZh,
      privacy: privacyZh,
      privacyAdmin: privacyAdminZh,
      originality: originalityZh,
      terms: termsZh,
      review: reviewZh,
      findings: findingsZh,
      landing: landingZh,
      leads: leadsZh,
      imports: importsZh,
      analytics: analyticsZh,
      notifications: notificationsZh,
      home: homeZh,
      errors: errorsZh,
    },
  },
  en: {
    translation: {
      ...en,
      approvals: approvalsEn,
      media: mediaEn,
      livestream: livestreamEn,
      ebooks: ebooksEn,
      articles: articlesEn,
      posters: postersEn,
      posterPages: posterPagesEn,
      calendar: calendarEn,
      publishing: publishingEn,
      privacy: privacyEn,
      privacyAdmin: privacyAdminEn,
      originality: originalityEn,
      terms: termsEn,
      review: reviewEn,
      findings: findingsEn,
      landing: landingEn,
      leads: leadsEn,
      imports: importsEn,
      analytics: analyticsEn,
      notifications: notificationsEn,
      home: homeEn,
      errors: errorsEn,
    },
  },
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

/**
 * The language a request's answer is written in: the `lang` cookie the screens use, else (for
 * the API, whose clients may never see the switch) the first of zh/en in Accept-Language, else zh.
 */
export function requestLanguage(request: Request, options: { acceptLanguage?: boolean } = {}): Language {
  const cookie = /(?:^|;\s*)lang=(zh|en)/.exec(request.headers.get("Cookie") ?? "");
  if (cookie) return cookie[1] as Language;
  if (options.acceptLanguage) {
    const ranges = (request.headers.get("Accept-Language") ?? "")
      .split(",")
      .map((part) => {
        const [tag, ...rest] = part.trim().toLowerCase().split(";");
        const q = rest.map((p) => /^\s*q=([\d.]+)/.exec(p)?.[1]).find(Boolean);
        return { tag, q: q === undefined ? 1 : Number(q) };
      })
      .filter((range) => range.q > 0)
      .sort((a, b) => b.q - a.q);
    for (const { tag } of ranges) {
      if (tag === "zh" || tag.startsWith("zh-")) return "zh";
      if (tag === "en" || tag.startsWith("en-")) return "en";
    }
  }
  return "zh";
}
