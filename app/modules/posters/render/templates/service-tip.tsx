/** @jsxRuntime automatic */
/** @jsxImportSource react */
/**
 * 用车小贴士: a calm, readable card. The tip's title, the advice in a white card with an accent
 * rule, and the service offer as a coupon at the foot. No photo: the advice is the picture.
 */
import type { PosterFrame } from "../poster-frame";
import {
  Body,
  Canvas,
  Disc,
  FieldText,
  fieldBoxes,
  gapped,
  heightsOf,
  StripeCard,
  stripeCardTextWidth,
  Tag,
  tagHeight,
  type PosterArtProps,
  type TemplateDesign,
  type TextHeights,
} from "./parts";

/** The white card that holds the advice, with a stripe in the brand colour. */
const CARD = { stripe: 12, padX: 48, radius: 24 };

function boxes(frame: PosterFrame) {
  const inCoupon = frame.contentWidth - Math.round(2 * 40 * frame.u);
  return fieldBoxes(frame, {
    align: "left",
    headline: { lines: 2, px: 104, lineHeight: 1.18, share: 0.2 },
    // The advice takes what the rest leaves (see `reserved`).
    subline: {
      width: stripeCardTextWidth(frame, CARD),
      maxHeight: frame.bodyHeight,
      lineHeight: 1.6,
      weight: 400,
      align: "left",
    },
    offer: { width: inCoupon, lines: 2, px: 56, lineHeight: 1.3, align: "center" },
    dates: { width: inCoupon, weight: 400, align: "center" },
  });
}

/** Vertical measures shared by the budget and the drawing. */
function measures(frame: PosterFrame, h: TextHeights) {
  const { u } = frame;
  const border = Math.max(1, Math.round(2 * u));
  const dash = Math.max(2, Math.round(4 * u));
  const couponPad = Math.round(26 * u);
  const datesGap = Math.round(8 * u);
  const coupon =
    h.offer + h.dates > 0
      ? 2 * couponPad + 2 * dash + h.offer + (h.offer && h.dates ? datesGap + h.dates : h.dates)
      : 0;
  return {
    top: Math.round(36 * u),
    bottom: Math.round(44 * u),
    headlineGap: Math.round(22 * u),
    rule: { gap: Math.round(20 * u), height: Math.round(8 * u) },
    cardGap: Math.round(28 * u),
    border,
    dash,
    couponPad,
    datesGap,
    coupon,
    cardPad: Math.round(34 * u),
  };
}

function reserved(frame: PosterFrame, h: TextHeights): number {
  const { u } = frame;
  const m = measures(frame, h);
  return (
    m.top +
    tagHeight(frame) +
    gapped(h.headline, m.headlineGap) +
    m.rule.gap +
    m.rule.height +
    m.cardGap +
    2 * m.cardPad +
    2 * m.border +
    gapped(m.coupon, Math.round(28 * u)) +
    m.bottom
  );
}

function Art(art: PosterArtProps) {
  const { frame, kit } = art;
  const { u } = frame;
  const m = measures(frame, heightsOf(art));
  const hasCoupon = m.coupon > 0;
  return (
    <Canvas art={art} background="#f3f5f8" header={kit.primaryColor}>
      <Body
        art={art}
        style={{ position: "relative", paddingTop: m.top, paddingBottom: m.bottom, overflow: "hidden" }}
      >
        <Disc
          size={Math.round(520 * u)}
          radius={Math.round(260 * u)}
          style={{
            right: -Math.round(160 * u),
            top: -Math.round(140 * u),
            background: kit.primaryColor,
            opacity: 0.07,
          }}
        />
        <Tag art={art} style={{ alignSelf: "flex-start" }} />
        <FieldText art={art} field="headline" color={kit.textColor} style={{ marginTop: m.headlineGap }} />
        <div
          style={{
            display: "flex",
            width: Math.round(120 * u),
            height: m.rule.height,
            borderRadius: Math.round(4 * u),
            background: kit.accentColor,
            marginTop: m.rule.gap,
          }}
        />
        <StripeCard
          art={art}
          card={CARD}
          stripeColor={kit.primaryColor}
          style={{ position: "relative", marginTop: m.cardGap, border: `${m.border}px solid #e3e7ee` }}
          innerStyle={{ paddingTop: m.cardPad, paddingBottom: m.cardPad }}
        >
          <FieldText art={art} field="subline" color={kit.textColor} />
        </StripeCard>
        <div style={{ display: "flex", flexGrow: 1 }} />
        {hasCoupon ? (
          <div
            style={{
              display: "flex",
              position: "relative",
              flexDirection: "column",
              alignItems: "center",
              paddingTop: m.couponPad,
              paddingBottom: m.couponPad,
              borderRadius: Math.round(20 * u),
              border: `${m.dash}px dashed ${kit.accentColor}`,
              background: "#ffffff",
            }}
          >
            <FieldText art={art} field="offer" color={kit.accentColor} />
            <FieldText art={art} field="dates" color="#6b7280" style={{ marginTop: m.datesGap }} />
          </div>
        ) : (
          <div style={{ display: "flex" }} />
        )}
      </Body>
    </Canvas>
  );
}

export const serviceTipDesign: TemplateDesign = {
  boxes,
  fill: { kind: "text", field: "subline" },
  reserved,
  Art,
};
