/** @jsxRuntime automatic */
/** @jsxImportSource react */
/**
 * 限时优惠: the brand colour all over, the headline on top, the model photo, and the offer in a
 * large accent-coloured band overlapping the photo's foot, with the dates in it.
 */
import type { PosterFrame } from "../poster-frame";
import {
  Body,
  Canvas,
  FieldText,
  fieldBoxes,
  gapped,
  heightsOf,
  inkOn,
  Photo,
  Tag,
  tagHeight,
  type PosterArtProps,
  type TemplateDesign,
  type TextHeights,
} from "./parts";

function boxes(frame: PosterFrame) {
  const inBand = frame.contentWidth - Math.round(80 * frame.u);
  return fieldBoxes(frame, {
    align: "center",
    headline: { lines: 2, px: 112, lineHeight: 1.18, share: 0.25 },
    subline: { lines: 2, px: 46, lineHeight: 1.4, share: 0.12 },
    offer: { width: inBand, lines: 1, px: 132, lineHeight: 1.15 },
    dates: { width: inBand, weight: 400 },
  });
}

/** Vertical measures shared by the budget and the drawing. */
function measures(frame: PosterFrame, h: TextHeights) {
  const { u } = frame;
  const gap = {
    headline: Math.round(22 * u),
    subline: Math.round(10 * u),
    photo: Math.round(30 * u),
    dates: Math.round(10 * u),
  };
  const bandPad = Math.round(26 * u);
  const shadow = Math.round(10 * u);
  const band = 2 * bandPad + h.offer + gapped(h.dates, gap.dates) + shadow;
  return { gap, top: Math.round(34 * u), bandPad, shadow, band, overlap: Math.round(band * 0.3) };
}

function reserved(frame: PosterFrame, h: TextHeights): number {
  const { u } = frame;
  const m = measures(frame, h);
  return (
    m.top +
    tagHeight(frame) +
    gapped(h.headline, m.gap.headline) +
    gapped(h.subline, m.gap.subline) +
    m.gap.photo +
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
    <Canvas art={art} background={kit.primaryColor} header="rgba(0,0,0,0.14)">
      <Body art={art} style={{ alignItems: "center", paddingTop: m.top }}>
        <Tag art={art} />
        <FieldText art={art} field="headline" color={onPrimary} style={{ marginTop: m.gap.headline }} />
        <FieldText
          art={art}
          field="subline"
          color={onPrimary}
          style={{ marginTop: m.gap.subline, opacity: 0.9 }}
        />
        <Photo
          art={art}
          width={frame.contentWidth}
          height={art.fillHeight}
          radius={Math.round(28 * u)}
          style={{ marginTop: m.gap.photo }}
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
            style={{ marginTop: m.gap.dates, opacity: 0.92 }}
          />
        </div>
      </Body>
    </Canvas>
  );
}

export const offerDesign: TemplateDesign = { boxes, fill: { kind: "photo", minShare: 0.2 }, reserved, Art };
