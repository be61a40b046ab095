/** @jsxRuntime automatic */
/** @jsxImportSource react */
/**
 * 限时优惠: the brand colour all over, the headline on top, the model photo, and the offer in a
 * large accent-coloured band overlapping the photo's foot, with the dates in it.
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
  Photo,
  Tag,
  type PlacedBox,
  type PosterArtProps,
  type PosterTextKey,
  type TemplateDesign,
  type TextHeights,
} from "./parts";

function boxes(frame: PosterFrame): Record<PosterTextKey, PlacedBox> {
  const { u, contentWidth } = frame;
  const inBand = contentWidth - Math.round(80 * u);
  return {
    headline: lineBox(frame, {
      width: contentWidth,
      lines: 2,
      px: 112,
      lineHeight: 1.18,
      share: 0.25,
      weight: 700,
      balance: true,
      align: "center",
    }),
    subline: lineBox(frame, {
      width: contentWidth,
      lines: 2,
      px: 46,
      lineHeight: 1.4,
      share: 0.12,
      weight: 400,
      balance: true,
      align: "center",
    }),
    offer: lineBox(frame, {
      width: inBand,
      lines: 1,
      px: 132,
      lineHeight: 1.15,
      weight: 700,
      align: "center",
    }),
    dates: lineBox(frame, { width: inBand, ...DATES_LINE, weight: 400, align: "center" }),
  };
}

/** Vertical measures shared by the budget and the drawing. */
function measures(frame: PosterFrame, h: TextHeights) {
  const { u } = frame;
  const bandPad = Math.round(26 * u);
  const shadow = Math.round(10 * u);
  const band = 2 * bandPad + h.offer + gapped(h.dates, Math.round(10 * u)) + shadow;
  return { top: Math.round(34 * u), bandPad, shadow, band, overlap: Math.round(band * 0.3) };
}

function reserved(frame: PosterFrame, h: TextHeights): number {
  const { u } = frame;
  const m = measures(frame, h);
  return (
    m.top +
    Math.round(58 * u) +
    gapped(h.headline, Math.round(22 * u)) +
    gapped(h.subline, Math.round(10 * u)) +
    Math.round(30 * u) +
    m.band -
    m.overlap +
    Math.round(40 * u)
  );
}

function Art(art: PosterArtProps) {
  const { frame, kit } = art;
  const { u } = frame;
  const m = measures(frame, heightsOf(art));
  const onPrimary = inkOn(kit.primaryColor);
  const onAccent = inkOn(kit.accentColor);
  return (
    <Canvas art={art} background={kit.primaryColor}>
      <BrandHeader art={art} background="rgba(0,0,0,0.14)" color={onPrimary} />
      <div
        style={{
          display: "flex",
          flexDirection: "column",
          alignItems: "center",
          height: frame.bodyHeight,
          paddingTop: m.top,
          paddingLeft: frame.pad,
          paddingRight: frame.pad,
        }}
      >
        <Tag art={art} />
        <FieldText art={art} field="headline" color={onPrimary} style={{ marginTop: Math.round(22 * u) }} />
        <FieldText
          art={art}
          field="subline"
          color={onPrimary}
          style={{ marginTop: Math.round(10 * u), opacity: 0.9 }}
        />
        <Photo
          art={art}
          width={frame.contentWidth}
          height={art.fillHeight}
          radius={Math.round(28 * u)}
          style={{ marginTop: Math.round(30 * u) }}
        />
        <div
          style={{
            display: "flex",
            flexDirection: "column",
            alignItems: "center",
            width: frame.contentWidth - Math.round(40 * u),
            marginTop: -m.overlap,
            paddingTop: m.bandPad,
            paddingBottom: m.bandPad,
            borderRadius: Math.round(26 * u),
            background: kit.accentColor,
            // A hard shadow: resvg's blur filter costs more than the rest of the poster.
            borderBottom: `${m.shadow}px solid rgba(0,0,0,0.22)`,
          }}
        >
          <FieldText art={art} field="offer" color={onAccent} />
          <FieldText
            art={art}
            field="dates"
            color={onAccent}
            style={{ marginTop: Math.round(10 * u), opacity: 0.92 }}
          />
        </div>
      </div>
      <BrandFooter art={art} />
    </Canvas>
  );
}

export const offerDesign: TemplateDesign = { boxes, fill: { kind: "photo", minShare: 0.2 }, reserved, Art };
