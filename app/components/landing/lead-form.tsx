import { useState, type FormEvent, type InputHTMLAttributes } from "react";
import { useTranslation } from "react-i18next";
import { browserMainlandMobile } from "~/modules/landing/mainland-mobile";
import type { Attribution } from "~/modules/tracking/attribution";
import { useLandingTracking } from "./use-landing-tracker";

export const LEADS_URL = "/api/v1/leads";

export type LeadFormKind = "episode" | "ebook" | "handbook" | "poster" | "article" | "livestream";

/** The privacy notice as the loader passes it (its text in both languages and its version). */
export interface NoticeText {
  version: string;
  text: string;
  textEn: string;
}

export interface LeadSuccess {
  phoneMasked: string;
  duplicate: boolean;
  downloadUrl: string | null;
}

type Field = "name" | "phone" | "consent";
type Errors = Partial<Record<Field | "form", string>>;

interface LeadAnswer {
  lead?: { id: number; phoneMasked: string };
  duplicate?: boolean;
  downloadUrl?: string | null;
  error?: { code?: string; message?: string; field?: string };
}

/** A field's refusal under it, read out when it appears. */
function FieldError({ error, testId }: { error: string | undefined; testId: string }) {
  if (!error) return null;
  return (
    <span className="lp-error" role="alert" data-testid={testId}>
      {error}
    </span>
  );
}

/** One labelled text field of the lead form (a star after a required one's label) with its error. */
function LeadField({
  name,
  label,
  error,
  required,
  ...inputProps
}: {
  name: Field;
  label: string;
  error: string | undefined;
} & Omit<InputHTMLAttributes<HTMLInputElement>, "name" | "className">) {
  return (
    <label className="lp-field">
      <span className="lp-label">
        {label}
        {required ? (
          <>
            {" "}
            <span className="lp-required">*</span>
          </>
        ) : null}
      </span>
      <input
        className="lp-input"
        name={name}
        required={required}
        {...inputProps}
        aria-invalid={error ? true : undefined}
        data-testid={`lead-${name}`}
      />
      <FieldError error={error} testId={`lead-${name}-error`} />
    </label>
  );
}

/**
 * The lead form of every landing page: an optional name, a mainland mobile checked here by the
 * server's own rule, an UNticked consent box beside the privacy notice, and a honeypot field that
 * people never see. It posts JSON to the leads API with the page's attribution; the server's
 * refusal is shown at the field it names. Without JavaScript the same form still posts.
 */
export function LeadForm(props: {
  slug: string;
  kind: LeadFormKind;
  attribution: Attribution;
  notice: NoticeText;
  onSuccess?: (success: LeadSuccess) => void;
}) {
  const { t, i18n } = useTranslation();
  const { track, trackOnce } = useLandingTracking();
  const [errors, setErrors] = useState<Errors>({});
  const [sending, setSending] = useState(false);
  const [done, setDone] = useState<LeadSuccess | null>(null);
  const { attribution } = props;

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (sending) return;
    const data = new FormData(event.currentTarget);
    const phone = String(data.get("phone") ?? "");
    const consent = data.get("consent") === "true";
    const found: Errors = {};
    if (!browserMainlandMobile(phone)) found.phone = t("landing.form.phoneInvalid");
    if (!consent) found.consent = t("landing.form.consentRequired");
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    const name = String(data.get("name") ?? "").trim();
    const body = {
      slug: props.slug,
      phone,
      ...(name ? { name } : {}),
      consent: true,
      ...(attribution.source !== "direct" ? { src: attribution.source } : {}),
      ...(attribution.utmSource ? { utm_source: attribution.utmSource } : {}),
      ...(attribution.utmMedium ? { utm_medium: attribution.utmMedium } : {}),
      ...(attribution.utmCampaign ? { utm_campaign: attribution.utmCampaign } : {}),
      website: String(data.get("website") ?? ""),
    };
    setSending(true);
    try {
      const response = await fetch(LEADS_URL, {
        method: "POST",
        headers: { "Content-Type": "application/json", Accept: "application/json" },
        body: JSON.stringify(body),
      });
      const answer = (await response.json().catch(() => ({}))) as LeadAnswer;
      if (response.ok && answer.lead) {
        const success = {
          phoneMasked: answer.lead.phoneMasked,
          duplicate: answer.duplicate === true,
          downloadUrl: answer.downloadUrl ?? null,
        };
        track("lead", { now: true });
        setDone(success);
        props.onSuccess?.(success);
        return;
      }
      const field = answer.error?.field;
      const message = answer.error?.message || t("landing.form.failed");
      setErrors(
        field === "phone" || field === "name" || field === "consent"
          ? { [field]: message }
          : { form: message },
      );
    } catch {
      setErrors({ form: t("landing.form.network") });
    } finally {
      setSending(false);
    }
  };

  if (done)
    return (
      <div className="lp-done" role="status" data-testid="lead-done">
        <div className="lp-done-mark" aria-hidden>
          ✓
        </div>
        <h3>{t("landing.form.doneTitle")}</h3>
        <p>
          {t(done.duplicate ? "landing.form.duplicate" : "landing.form.done", { phone: done.phoneMasked })}
        </p>
      </div>
    );

  const noticeText = i18n.language === "en" ? props.notice.textEn : props.notice.text;
  return (
    <form
      className="lp-form"
      method="post"
      action={LEADS_URL}
      noValidate
      onSubmit={(event) => void onSubmit(event)}
      onInput={() => trackOnce("form_start")}
      data-testid="lead-form"
    >
      <h2 className="lp-form-title">{t(`landing.form.title.${props.kind}`)}</h2>
      <p className="lp-form-subtitle">{t("landing.form.subtitle")}</p>
      {/* Without JavaScript the API reads these from the form body. */}
      <input type="hidden" name="slug" value={props.slug} />
      {attribution.source !== "direct" ? <input type="hidden" name="src" value={attribution.source} /> : null}
      {attribution.utmSource ? <input type="hidden" name="utm_source" value={attribution.utmSource} /> : null}
      {attribution.utmMedium ? <input type="hidden" name="utm_medium" value={attribution.utmMedium} /> : null}
      {attribution.utmCampaign ? (
        <input type="hidden" name="utm_campaign" value={attribution.utmCampaign} />
      ) : null}

      <LeadField
        name="name"
        label={t("landing.form.name")}
        error={errors.name}
        maxLength={40}
        autoComplete="name"
        placeholder={t("landing.form.namePlaceholder")}
      />

      <LeadField
        name="phone"
        label={t("landing.form.phone")}
        error={errors.phone}
        type="tel"
        inputMode="tel"
        autoComplete="tel"
        maxLength={20}
        required
        placeholder={t("landing.form.phonePlaceholder")}
      />

      {/* The honeypot: off screen and out of the tab order, so only a bot fills it. */}
      <div className="lp-honeypot" aria-hidden="true">
        <label>
          {t("landing.form.honeypot")}
          <input name="website" tabIndex={-1} autoComplete="off" defaultValue="" />
        </label>
      </div>

      <div className="lp-consent">
        <label className="lp-check">
          <input
            type="checkbox"
            name="consent"
            value="true"
            aria-invalid={errors.consent ? true : undefined}
            data-testid="lead-consent"
          />
          <span>{t("landing.form.consent")}</span>
        </label>
        <details className="lp-notice" data-testid="lead-notice">
          <summary>{t("landing.form.noticeToggle")}</summary>
          <div className="lp-notice-text">{noticeText}</div>
          <div className="lp-notice-version">
            {t("landing.form.noticeVersion", { version: props.notice.version })}
          </div>
        </details>
        <FieldError error={errors.consent} testId="lead-consent-error" />
      </div>

      {errors.form ? (
        <div className="lp-error lp-error-form" role="alert" data-testid="lead-form-error">
          {errors.form}
        </div>
      ) : null}

      <button className="lp-submit" type="submit" disabled={sending} data-testid="lead-submit">
        {sending ? t("landing.form.sending") : t(`landing.form.submit.${props.kind}`)}
      </button>
      <p className="lp-safe">{t("landing.form.safe")}</p>
      <a className="lp-privacy" href="/privacy">
        {t("landing.form.privacyLink")}
      </a>
    </form>
  );
}
