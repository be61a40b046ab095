/** @jsxRuntime automatic */
/** @jsxImportSource react */
/**
 * 活动邀请: the photo (the venue or the car) fills the poster behind a brand-colour veil that is
 * solid where the invitation is set, flush left in large type; a white card at the foot holds
 * the dates and the visitors' gift.
 */
import type { PosterFrame } from "../poster-frame";
import {
  Body,
  Canvas,
  darker,
  Disc,
  FieldText,
  fieldBoxes,
  gapped,
  heightsOf,
  inkOn,
  StripeCard,
  stripeCardTextWidth,
  Tag,
  tagHeight,
  withAlpha,
  type PosterArtProps,
  type TemplateDesign,
  type TextHeights,
} from "./parts";

/** The white card at the foot, with an accent stripe. */
const CARD = { stripe: 10, padX: 40, radius: 22 };

function boxes(frame: PosterFrame) {
  const inCard = stripeCardTextWidth(frame, CARD);
  return fieldBoxes(frame, {
    align: "left",
    headline: { lines: 3, px: 116, lineHeight: 1.16, share: 0.3 },
    subline: {
      width: Math.round(frame.contentWidth * 0.86),
      lines: 3,
      px: 46,
      lineHeight: 1.45,
      share: 0.16,
    },
    offer: { width: inCard, lines: 1, px: 60, lineHeight: 1.25 },
    dates: { width: inCard, weight: 700 },
  });
}

/** Vertical measures shared by the budget and the drawing. */
function measures(frame: PosterFrame, h: TextHeights) {
  const { u } = frame;
  const gap = { headline: Math.round(26 * u), subline: Math.round(18 * u), offer: Math.round(12 * u) };
  const top = Math.round(40 * u);
  const cardPad = Math.round(30 * u);
  const text = top + tagHeight(frame) + gapped(h.headline, gap.headline) + gapped(h.subline, gap.subline);
  const card = 2 * cardPad + h.dates + gapped(h.offer, gap.offer);
  return { gap, top, cardPad, text, card, bottom: Math.round(44 * u) };
}

function reserved(frame: PosterFrame, h: TextHeights): number {
  const m = measures(frame, h);
  return m.text + m.card + m.bottom;
}

function Art(art: PosterArtProps) {
  const { frame, kit, photo } = art;
  const { u } = frame;
  const m = measures(frame, heightsOf(art));
  const ink = inkOn(kit.primaryColor);
  // One deep shade of the brand colour behind the text, so the veil meets it without an edge.
  const deep = darker(kit.primaryColor, 0.2);
  // The photo fills the body from just above the end of the text down behind the card; a veil
  // in the brand colour fades it in under the text, so the copy always sits on a solid colour.
  const fade = Math.round(160 * u);
  const photoTop = frame.bleed + frame.headerHeight + m.text + Math.round(24 * u);
  const area = {
    width: frame.trimWidth + 2 * frame.bleed,
    height: frame.bleed + frame.headerHeight + frame.bodyHeight - photoTop,
  };
  const fadeTo = Math.min(100, Math.round((fade / Math.max(1, area.height)) * 100));
  const backdrop = (
    <div
      style={{
        display: "flex",
        position: "absolute",
        left: -frame.bleed,
        top: photoTop - frame.bleed,
        ...area,
      }}
    >
      {photo && area.height > fade ? (
        <img src={photo.at(area.width, area.height).src} width={area.width} height={area.height} />
      ) : (
        <Disc
          size={Math.round(760 * u)}
          radius={Math.round(380 * u)}
          style={{
            right: -Math.round(200 * u),
            bottom: -Math.round(120 * u),
            border: `${Math.round(90 * u)}px solid ${withAlpha(kit.accentColor, 0.35)}`,
          }}
        />
      )}
      <div
        style={{
          display: "flex",
          position: "absolute",
          left: 0,
          top: 0,
          ...area,
          backgroundImage:
            photo && area.height > fade
              ? `linear-gradient(180deg, ${deep} 0%, ${deep.replace("rgb(", "rgba(").replace(")", ",0)")} ${fadeTo}%)`
              : "none",
        }}
      />
    </div>
  );
  return (
    <Canvas art={art} background={deep} backdrop={backdrop}>
      {/* Positioned: painted over the photo backdrop (positioned boxes paint in document order). */}
      <Body art={art} style={{ position: "relative", paddingTop: m.top }}>
        <Tag art={art} style={{ alignSelf: "flex-start" }} />
        <FieldText art={art} field="headline" color={ink} style={{ marginTop: m.gap.headline }} />
        <FieldText
          art={art}
          field="subline"
          color={ink}
          style={{ marginTop: m.gap.subline, opacity: 0.88 }}
        />
        <div style={{ display: "flex", height: art.fillHeight, flexShrink: 0 }} />
        <StripeCard
          art={art}
          card={CARD}
          stripeColor={kit.accentColor}
          style={{ height: m.card }}
          innerStyle={{ flexDirection: "column", justifyContent: "center" }}
        >
          <FieldText art={art} field="dates" color={kit.textColor} />
          <FieldText
            art={art}
            field="offer"
            color={darker(kit.accentColor, 0.1)}
            style={{ marginTop: m.gap.offer }}
          />
        </StripeCard>
      </Body>
    </Canvas>
  );
}

export const eventDesign: TemplateDesign = { boxes, fill: { kind: "photo", minShare: 0 }, reserved, Art };
