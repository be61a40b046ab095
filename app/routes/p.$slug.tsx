import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { isRouteErrorResponse, useLoaderData, useRouteError } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import landingCss from "~/components/landing/landing.css";
import { LandingFrame, LandingPageView } from "~/components/landing/landing-views";
import { RouteError } from "~/components/route-error";
import { metaTranslator } from "~/i18n/i18n";
import { getStudio } from "~/lib/studio.server";
import { getLandingPage, LANDING_NOT_FOUND } from "~/modules/landing/get-landing-page.server";
import { PRIVACY_NOTICE } from "~/modules/leads/privacy-notice";
import { shareCard } from "~/modules/landing/share-card";
import { attributionFromSearch } from "~/modules/tracking/attribution";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: landingCss }];

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => {
  if (!data) return [{ title: metaTranslator(matches)("landing.notFoundTitle") }];
  const { description, image } = data.share;
  return [
    { title: data.title },
    { name: "description", content: description },
    { property: "og:title", content: data.title },
    { property: "og:description", content: description },
    ...(image ? [{ property: "og:image", content: image }] : []),
  ];
};

/**
 * Public, no sign-in: the page every tracked link and QR code points at, for every kind of piece.
 * Published pieces only; any other status answers exactly like an unknown slug. The attribution
 * (`?src=`, UTM) is read here and handed to the tracker and the lead form.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { db, config } = getStudio();
  const page = getLandingPage({
    db,
    slug: params.slug ?? "",
    attribution: attributionFromSearch(new URL(request.url).searchParams),
    timeZone: config.timeZone,
  });
  if (!page) throw json(LANDING_NOT_FOUND, { status: 404 });
  const notice = {
    version: PRIVACY_NOTICE.version,
    text: PRIVACY_NOTICE.text,
    textEn: PRIVACY_NOTICE.textEn,
  };
  return json({ ...page, notice, share: shareCard(page) });
}

export default function PublicLanding() {
  const page = useLoaderData<typeof loader>();
  return <LandingPageView page={page} />;
}

export function ErrorBoundary() {
  const error = useRouteError();
  const { t } = useTranslation();
  if (isRouteErrorResponse(error) && error.status === 404)
    return (
      <LandingFrame>
        <main className="lp-main">
          <section className="lp-card" data-testid="landing-not-found">
            <h1 className="lp-title">{t("landing.notFoundTitle")}</h1>
            <p className="lp-lead">{t("landing.notFoundBody")}</p>
          </section>
        </main>
      </LandingFrame>
    );
  return (
    <main className="lp-main">
      <RouteError />
    </main>
  );
}
