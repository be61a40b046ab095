import { useState, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { formatBytes, formatInstant } from "~/lib/dates";
import type {
  BookLanding,
  LandingPage,
  LivestreamLanding,
  PrintLanding,
  VideoLanding,
} from "~/modules/landing/landing-types";
import { LeadForm, type LeadSuccess, type NoticeText } from "./lead-form";
import { LandingTrackingProvider, useLandingTracking } from "./use-landing-tracker";

export type LandingView = LandingPage & { notice: NoticeText };

/** The public page of one piece: brand bar, campaign ribbon, the kind's own story, the lead form. */
export function LandingPageView({ page }: { page: LandingView }) {
  return (
    <LandingTrackingProvider slug={page.slug} attribution={page.attribution}>
      <LandingFrame campaign={page.campaign}>
        <KindView page={page} />
      </LandingFrame>
    </LandingTrackingProvider>
  );
}

export function LandingFrame(props: { campaign?: LandingPage["campaign"]; children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <div className="lp" data-testid="landing">
      <header className="lp-top">
        <span className="lp-logo" aria-hidden>
          4S
        </span>
        <span className="lp-top-name">{t("landing.brand")}</span>
        <span className="lp-top-note">{t("landing.brandNote")}</span>
      </header>
      {props.campaign ? (
        <div className="lp-ribbon" data-testid="landing-campaign">
          <b>{props.campaign.name}</b>
          <span>{props.campaign.theme}</span>
        </div>
      ) : null}
      {props.children}
      <footer className="lp-foot">{t("landing.footer")}</footer>
    </div>
  );
}

function KindView({ page }: { page: LandingView }) {
  switch (page.kind) {
    case "episode":
      return <VideoPage page={page} />;
    case "ebook":
    case "handbook":
      return <BookPage page={page} />;
    case "poster":
    case "article":
      return <PrintPage page={page} />;
    case "livestream":
      return <LivestreamPage page={page} />;
  }
}

/** The dealership's three promises, under every page's story. */
function TrustRow() {
  const { t } = useTranslation();
  return (
    <ul className="lp-trust">
      {(["authorised", "parts", "workshop"] as const).map((key) => (
        <li key={key}>
          <b>{t(`landing.trust.${key}.title`)}</b>
          <span>{t(`landing.trust.${key}.text`)}</span>
        </li>
      ))}
    </ul>
  );
}

function Layout(props: { main: ReactNode; side: ReactNode }) {
  return (
    <main className="lp-main">
      <div className="lp-col">{props.main}</div>
      <div className="lp-col lp-col-side">
        {props.side}
        <TrustRow />
      </div>
    </main>
  );
}

function FormCard(props: { page: LandingView; onSuccess?: (s: LeadSuccess) => void; children?: ReactNode }) {
  const { page } = props;
  return (
    <section className="lp-card" id="lead">
      <LeadForm
        slug={page.slug}
        kind={page.kind}
        attribution={page.attribution}
        notice={page.notice}
        onSuccess={props.onSuccess}
      />
      {props.children}
    </section>
  );
}

function ConsultantCard({ page }: { page: LandingView }) {
  const { t } = useTranslation();
  const code = page.attribution.consultant;
  if (!code) return null;
  const name = page.consultantName;
  return (
    <section className="lp-card lp-consultant" data-testid="landing-consultant">
      <span className="lp-avatar" aria-hidden>
        {(name ?? code).slice(0, 1).toUpperCase()}
      </span>
      <div>
        <div className="lp-consultant-label">{t("landing.print.consultant")}</div>
        <div className="lp-consultant-name">{name ?? t("landing.print.consultantCode", { code })}</div>
        <div className="lp-consultant-label">{t("landing.print.consultantHint")}</div>
      </div>
    </section>
  );
}

function VideoPage({ page }: { page: LandingView & VideoLanding }) {
  const { t } = useTranslation();
  const { videoRef } = useLandingTracking();
  const column = page.column;
  return (
    <Layout
      main={
        <>
          {page.video ? (
            <div className="lp-player">
              <video
                ref={videoRef}
                src={page.video.src}
                poster={page.video.poster}
                controls
                playsInline
                preload="metadata"
                data-testid="landing-video"
              />
            </div>
          ) : (
            <div
              className="lp-soon"
              style={
                column
                  ? { background: `linear-gradient(160deg, ${column.primaryColor} 0%, #0f2a5c 100%)` }
                  : undefined
              }
              data-testid="landing-video-soon"
            >
              <div>
                <div className="lp-soon-icon" aria-hidden>
                  ▶
                </div>
                <h2>{t("landing.video.soon")}</h2>
                <p>{t("landing.video.soonHint")}</p>
              </div>
            </div>
          )}
          <section className="lp-card">
            <span className="lp-tag">
              {column ? t("landing.video.column", { name: column.name }) : t("landing.kinds.episode")}
            </span>
            <h1 className="lp-title">{page.title}</h1>
            {page.teaser ? <p className="lp-lead">{page.teaser}</p> : null}
            {page.video ? (
              <div className="lp-meta">
                <span>
                  {t("landing.video.duration", { seconds: Math.round(page.video.durationSeconds) })}
                </span>
              </div>
            ) : null}
            {column?.outroLine ? (
              <div className="lp-code">
                <span className="lp-code-label">{t("landing.video.code")}</span>
                <span>{column.outroLine}</span>
              </div>
            ) : null}
          </section>
        </>
      }
      side={
        <>
          <ConsultantCard page={page} />
          <FormCard page={page} />
        </>
      }
    />
  );
}

function BookPage({ page }: { page: LandingView & BookLanding }) {
  const { t } = useTranslation();
  const { track } = useLandingTracking();
  const [downloadUrl, setDownloadUrl] = useState<string | null>(null);
  return (
    <Layout
      main={
        <>
          <div className="lp-hero" data-testid="public-cover">
            <div>
              <span className="lp-tag">{t(`landing.kinds.${page.kind}`)}</span>
              <h1 className="lp-title">{page.title}</h1>
              {page.subtitle ? <p className="lp-hero-sub">{page.subtitle}</p> : null}
            </div>
            <p className="lp-hero-from">{t("landing.book.from", { author: page.author })}</p>
          </div>
          {page.description || page.kind === "handbook" || page.latest ? (
            <section className="lp-card">
              {page.description ? <p className="lp-text">{page.description}</p> : null}
              {page.kind === "handbook" ? <p className="lp-lead">{t("landing.book.handbookNote")}</p> : null}
              {page.latest ? (
                <div className="lp-meta" data-testid="landing-book-facts">
                  <span>
                    {t("landing.book.pages", {
                      pages: page.latest.pages,
                      size: formatBytes(page.latest.bytes),
                    })}
                  </span>
                </div>
              ) : null}
            </section>
          ) : null}
        </>
      }
      side={
        <>
          <ConsultantCard page={page} />
          <FormCard page={page} onSuccess={(success) => setDownloadUrl(success.downloadUrl)}>
            {downloadUrl && page.latest ? (
              <div className="lp-unlock">
                <a
                  className="lp-download"
                  href={downloadUrl}
                  onClick={() => track("download", { now: true })}
                  data-testid="public-download"
                >
                  {t("landing.book.download", { title: page.title })}
                </a>
                <p className="lp-hint">{t("landing.book.downloadHint")}</p>
              </div>
            ) : downloadUrl ? (
              <p className="lp-hint" data-testid="public-no-build">
                {t("landing.book.noBuild")}
              </p>
            ) : null}
          </FormCard>
        </>
      }
    />
  );
}

function paragraphs(body: string): string[] {
  return body
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean);
}

function PrintPage({ page }: { page: LandingView & PrintLanding }) {
  const { t } = useTranslation();
  const copy = (
    <div className="lp-copy" data-testid="landing-copy">
      {paragraphs(page.body).map((p, i) => (
        <p className="lp-text" key={i}>
          {p}
        </p>
      ))}
    </div>
  );
  return (
    <Layout
      main={
        page.image ? (
          <>
            <img className="lp-image" src={page.image} alt={page.title} data-testid="landing-poster" />
            <section className="lp-card">
              <span className="lp-tag">{t(`landing.kinds.${page.kind}`)}</span>
              <h1 className="lp-title">{page.title}</h1>
              {copy}
            </section>
          </>
        ) : (
          <>
            {/* No poster image: the title carries the page, on the same panel as a book's cover. */}
            <div className="lp-hero lp-hero-short">
              <div>
                <span className="lp-tag">{t(`landing.kinds.${page.kind}`)}</span>
                <h1 className="lp-title">{page.title}</h1>
              </div>
            </div>
            {page.body.trim() ? <section className="lp-card">{copy}</section> : null}
          </>
        )
      }
      side={
        <>
          <ConsultantCard page={page} />
          <FormCard page={page} />
        </>
      }
    />
  );
}

function LivestreamPage({ page }: { page: LandingView & LivestreamLanding }) {
  const { t, i18n } = useTranslation();
  const pattern = i18n.language === "en" ? "YYYY/MM/DD HH:mm" : "M月D日 HH:mm";
  return (
    <Layout
      main={
        <>
          <div className="lp-hero lp-live">
            <div>
              <span className="lp-tag">{t("landing.kinds.livestream")}</span>
              <span
                className={`lp-phase${page.phase === "live" ? " lp-phase-live" : ""}`}
                data-testid="live-phase"
              >
                {t(`landing.live.phase.${page.phase}`)}
              </span>
              <h1 className="lp-title">{page.title}</h1>
              {page.cta ? <p className="lp-hero-sub">{page.cta}</p> : null}
            </div>
            {page.startsAt ? (
              <div className="lp-when" data-testid="live-starts">
                <span className="lp-when-label">{t("landing.live.startsAt")}</span>
                <span className="lp-when-value">{formatInstant(page.startsAt, page.timeZone, pattern)}</span>
                {page.plannedMinutes > 0 ? (
                  <span className="lp-when-label">
                    {t("landing.live.planned", { minutes: page.plannedMinutes })}
                  </span>
                ) : null}
              </div>
            ) : (
              <p className="lp-hero-from">{t("landing.live.notScheduled")}</p>
            )}
          </div>
          {page.products.length > 0 ? (
            <section className="lp-card">
              <h2 className="lp-section-title">{t("landing.live.products")}</h2>
              <ul className="lp-products" data-testid="live-products">
                {page.products.map((product, i) => (
                  <li className="lp-product" key={i}>
                    <div className="lp-product-name">{product.name}</div>
                    {product.sellingPoint ? (
                      <div className="lp-product-point">{product.sellingPoint}</div>
                    ) : null}
                    {product.perk ? (
                      <span className="lp-perk">
                        {t("landing.live.perk")}：{product.perk}
                      </span>
                    ) : null}
                  </li>
                ))}
              </ul>
            </section>
          ) : null}
        </>
      }
      side={
        <>
          <ConsultantCard page={page} />
          <FormCard page={page} />
        </>
      }
    />
  );
}
