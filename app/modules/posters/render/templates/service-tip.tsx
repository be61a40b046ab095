/** @jsxRuntime automatic */
/** @jsxImportSource react */
/**
 * 用车小贴士: a calm, readable card. The tip's title, the advice in a white card with an accent
 * rule, and the service offer as a coupon at the foot. No photo: the advice is the picture.
 */
import type { PosterFrame } from "../poster-frame";
import {
  BrandFooter,
  BrandHeader,
  Canvas,
  DATES_LINE,
  FieldText,
  gapped,
  heightsOf,
  inkOn,
  lineBox,
  Tag,
  type PlacedBox,
  type PosterArtProps,
  type PosterTextKey,
  type TemplateDesign,
  type TextHeights,
} from "./parts";

function boxes(frame: PosterFrame): Record<PosterTextKey, PlacedBox> {
  const { u, contentWidth, bodyHeight } = frame;
  const inCard = contentWidth - Math.round(2 * 48 * u) - Math.round(12 * u);
  const inCoupon = contentWidth - Math.round(2 * 40 * u);
  return {
    headline: lineBox(frame, {
      width: contentWidth,
      lines: 2,
      px: 104,
      lineHeight: 1.18,
      share: 0.2,
      weight: 700,
      balance: true,
      align: "left",
    }),
    // The advice takes what the rest leaves (see `reserved`).
    subline: { width: inCard, maxHeight: bodyHeight, lineHeight: 1.6, weight: 400, align: "left" },
    offer: lineBox(frame, {
      width: inCoupon,
      lines: 2,
      px: 56,
      lineHeight: 1.3,
      weight: 700,
      align: "center",
    }),
    dates: lineBox(frame, { width: inCoupon, ...DATES_LINE, weight: 400, align: "center" }),
  };
}

function measures(frame: PosterFrame, h: TextHeights) {
  const { u } = frame;
  const border = Math.max(1, Math.round(2 * u));
  const dash = Math.max(2, Math.round(4 * u));
  const coupon =
    h.offer + h.dates > 0
      ? 2 * Math.round(26 * u) +
        2 * dash +
        h.offer +
        (h.offer && h.dates ? Math.round(8 * u) + h.dates : h.dates)
      : 0;
  return { border, dash, coupon, cardPad: Math.round(34 * u) };
}

function reserved(frame: PosterFrame, h: TextHeights): number {
  const { u } = frame;
  const m = measures(frame, h);
  return (
    Math.round(36 * u) +
    Math.round(58 * u) +
    gapped(h.headline, Math.round(22 * u)) +
    Math.round(20 * u) +
    Math.round(8 * u) +
    Math.round(28 * u) +
    2 * m.cardPad +
    2 * m.border +
    gapped(m.coupon, Math.round(28 * u)) +
    Math.round(44 * u)
  );
}

function Art(art: PosterArtProps) {
  const { frame, kit } = art;
  const { u } = frame;
  const m = measures(frame, heightsOf(art));
  const hasCoupon = m.coupon > 0;
  return (
    <Canvas art={art} background="#f3f5f8">
      <BrandHeader art={art} background={kit.primaryColor} color={inkOn(kit.primaryColor)} />
      <div
        style={{
          display: "flex",
          flexDirection: "column",
          position: "relative",
          height: frame.bodyHeight,
          paddingTop: Math.round(36 * u),
          paddingBottom: Math.round(44 * u),
          paddingLeft: frame.pad,
          paddingRight: frame.pad,
          overflow: "hidden",
        }}
      >
        <div
          style={{
            display: "flex",
            position: "absolute",
            right: -Math.round(160 * u),
            top: -Math.round(140 * u),
            width: Math.round(520 * u),
            height: Math.round(520 * u),
            borderRadius: Math.round(260 * u),
            background: kit.primaryColor,
            opacity: 0.07,
          }}
        />
        <Tag art={art} style={{ alignSelf: "flex-start" }} />
        <FieldText
          art={art}
          field="headline"
          color={kit.textColor}
          style={{ marginTop: Math.round(22 * u) }}
        />
        <div
          style={{
            display: "flex",
            width: Math.round(120 * u),
            height: Math.round(8 * u),
            borderRadius: Math.round(4 * u),
            background: kit.accentColor,
            marginTop: Math.round(20 * u),
          }}
        />
        <div
          style={{
            display: "flex",
            position: "relative",
            marginTop: Math.round(28 * u),
            borderRadius: Math.round(24 * u),
            background: "#ffffff",
            overflow: "hidden",
            border: `${m.border}px solid #e3e7ee`,
          }}
        >
          <div style={{ display: "flex", width: Math.round(12 * u), background: kit.primaryColor }} />
          <div
            style={{
              display: "flex",
              paddingTop: m.cardPad,
              paddingBottom: m.cardPad,
              paddingLeft: Math.round(48 * u),
              paddingRight: Math.round(48 * u),
            }}
          >
            <FieldText art={art} field="subline" color={kit.textColor} />
          </div>
        </div>
        <div style={{ display: "flex", flexGrow: 1 }} />
        {hasCoupon ? (
          <div
            style={{
              display: "flex",
              position: "relative",
              flexDirection: "column",
              alignItems: "center",
              paddingTop: Math.round(26 * u),
              paddingBottom: Math.round(26 * u),
              borderRadius: Math.round(20 * u),
              border: `${m.dash}px dashed ${kit.accentColor}`,
              background: "#ffffff",
            }}
          >
            <FieldText art={art} field="offer" color={kit.accentColor} />
            <FieldText art={art} field="dates" color="#6b7280" style={{ marginTop: Math.round(8 * u) }} />
          </div>
        ) : (
          <div style={{ display: "flex" }} />
        )}
      </div>
      <BrandFooter art={art} />
    </Canvas>
  );
}

export const serviceTipDesign: TemplateDesign = {
  boxes,
  fill: { kind: "text", field: "subline" },
  reserved,
  Art,
};
