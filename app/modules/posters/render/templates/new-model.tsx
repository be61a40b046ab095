/** @jsxRuntime automatic */
/** @jsxImportSource react */
/**
 * 新车上市: the car first. The photo spans the poster under the brand band, the model name
 * below it in large type, the slogan, the price in the accent colour and the launch date.
 */
import type { PosterFrame } from "../poster-frame";
import {
  Body,
  Canvas,
  FieldText,
  fieldBoxes,
  gapped,
  Photo,
  Tag,
  type PosterArtProps,
  type TemplateDesign,
  type TextHeights,
} from "./parts";

function boxes(frame: PosterFrame) {
  return fieldBoxes(frame, {
    align: "center",
    headline: { lines: 2, px: 140, lineHeight: 1.12, share: 0.22 },
    subline: { lines: 2, px: 54, lineHeight: 1.4, share: 0.12 },
    offer: { lines: 1, px: 76, lineHeight: 1.2 },
    dates: { weight: 400 },
  });
}

/** Gaps above the fields under the photo, shared by the budget and the drawing. */
function gaps(frame: PosterFrame) {
  const { u } = frame;
  const gap = Math.round(16 * u);
  return { headline: Math.round(40 * u), subline: gap, offer: Math.round(26 * u), dates: gap };
}

function reserved(frame: PosterFrame, h: TextHeights): number {
  const gap = gaps(frame);
  return (
    gapped(h.headline, gap.headline) +
    gapped(h.subline, gap.subline) +
    gapped(h.offer, gap.offer) +
    gapped(h.dates, gap.dates) +
    Math.round(44 * frame.u)
  );
}

function Art(art: PosterArtProps) {
  const { frame, kit } = art;
  const { u } = frame;
  const gap = gaps(frame);
  const photoHeight = art.fillHeight;
  return (
    <Canvas art={art} background="#f5f6f8" header={kit.primaryColor}>
      <Body art={art} edgeToEdge style={{ alignItems: "center" }}>
        <div
          style={{
            display: "flex",
            position: "relative",
            marginLeft: -frame.bleed,
            marginRight: -frame.bleed,
          }}
        >
          <Photo art={art} width={frame.trimWidth + 2 * frame.bleed} height={photoHeight} />
          <Tag
            art={art}
            style={{ position: "absolute", left: frame.pad + frame.bleed, top: Math.round(36 * u) }}
          />
          <div
            style={{
              display: "flex",
              position: "absolute",
              left: 0,
              bottom: 0,
              width: frame.trimWidth + 2 * frame.bleed,
              height: Math.round(10 * u),
              background: kit.accentColor,
            }}
          />
        </div>
        <FieldText art={art} field="headline" color={kit.textColor} style={{ marginTop: gap.headline }} />
        <FieldText art={art} field="subline" color="#4b5563" style={{ marginTop: gap.subline }} />
        <FieldText art={art} field="offer" color={kit.accentColor} style={{ marginTop: gap.offer }} />
        <FieldText art={art} field="dates" color="#6b7280" style={{ marginTop: gap.dates }} />
      </Body>
    </Canvas>
  );
}

export const newModelDesign: TemplateDesign = {
  boxes,
  fill: { kind: "photo", minShare: 0.3 },
  reserved,
  Art,
};
