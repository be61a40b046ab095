/** @jsxRuntime automatic */
/** @jsxImportSource react */
/**
 * 活动邀请: the photo (the venue or the car) fills the poster behind a brand-colour veil that is
 * solid where the invitation is set, flush left in large type; a white card at the foot holds
 * the dates and the visitors' gift.
 */
import type { PosterFrame } from "../poster-frame";
import {
  BrandFooter,
  BrandHeader,
  Canvas,
  DATES_LINE,
  darker,
  FieldText,
  gapped,
  heightsOf,
  inkOn,
  lineBox,
  Tag,
  withAlpha,
  type PlacedBox,
  type PosterArtProps,
  type PosterTextKey,
  type TemplateDesign,
  type TextHeights,
} from "./parts";

function boxes(frame: PosterFrame): Record<PosterTextKey, PlacedBox> {
  const { u, contentWidth } = frame;
  const inCard = contentWidth - Math.round(2 * 40 * u) - Math.round(10 * u);
  return {
    headline: lineBox(frame, {
      width: contentWidth,
      lines: 3,
      px: 116,
      lineHeight: 1.16,
      share: 0.3,
      weight: 700,
      balance: true,
      align: "left",
    }),
    subline: lineBox(frame, {
      width: Math.round(contentWidth * 0.86),
      lines: 3,
      px: 46,
      lineHeight: 1.45,
      share: 0.16,
      weight: 400,
      balance: true,
      align: "left",
    }),
    dates: lineBox(frame, { width: inCard, ...DATES_LINE, weight: 700, align: "left" }),
    offer: lineBox(frame, { width: inCard, lines: 1, px: 60, lineHeight: 1.25, weight: 700, align: "left" }),
  };
}

function measures(frame: PosterFrame, h: TextHeights) {
  const { u } = frame;
  const top = Math.round(40 * u);
  const cardPad = Math.round(30 * u);
  const text =
    top + Math.round(58 * u) + gapped(h.headline, Math.round(26 * u)) + gapped(h.subline, Math.round(18 * u));
  const card = 2 * cardPad + h.dates + gapped(h.offer, Math.round(12 * u));
  return { top, cardPad, text, card, bottom: Math.round(44 * u) };
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
  return (
    <Canvas art={art} background={deep}>
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
          <div
            style={{
              display: "flex",
              position: "absolute",
              right: -Math.round(200 * u),
              bottom: -Math.round(120 * u),
              width: Math.round(760 * u),
              height: Math.round(760 * u),
              borderRadius: Math.round(380 * u),
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
      <BrandHeader art={art} color={ink} />
      <div
        style={{
          display: "flex",
          flexDirection: "column",
          // Positioned: painted over the photo backdrop (positioned boxes paint in document order).
          position: "relative",
          height: frame.bodyHeight,
          paddingTop: m.top,
          paddingLeft: frame.pad,
          paddingRight: frame.pad,
        }}
      >
        <Tag art={art} style={{ alignSelf: "flex-start" }} />
        <FieldText art={art} field="headline" color={ink} style={{ marginTop: Math.round(26 * u) }} />
        <FieldText
          art={art}
          field="subline"
          color={ink}
          style={{ marginTop: Math.round(18 * u), opacity: 0.88 }}
        />
        <div style={{ display: "flex", height: art.fillHeight, flexShrink: 0 }} />
        <div
          style={{
            display: "flex",
            height: m.card,
            borderRadius: Math.round(22 * u),
            background: "#ffffff",
            overflow: "hidden",
          }}
        >
          <div style={{ display: "flex", width: Math.round(10 * u), background: kit.accentColor }} />
          <div
            style={{
              display: "flex",
              flexDirection: "column",
              justifyContent: "center",
              paddingLeft: Math.round(40 * u),
              paddingRight: Math.round(40 * u),
            }}
          >
            <FieldText art={art} field="dates" color={kit.textColor} />
            <FieldText
              art={art}
              field="offer"
              color={darker(kit.accentColor, 0.1)}
              style={{ marginTop: Math.round(12 * u) }}
            />
          </div>
        </div>
      </div>
      <BrandFooter art={art} />
    </Canvas>
  );
}

export const eventDesign: TemplateDesign = { boxes, fill: { kind: "photo", minShare: 0 }, reserved, Art };
