/** @jsxRuntime automatic */
/** @jsxImportSource react */
/**
 * 新车上市: the car first. The photo spans the poster under the brand band, the model name
 * below it in large type, the slogan, the price in the accent colour and the launch date.
 */
import type { PosterFrame } from "../poster-frame";
import {
  BrandFooter,
  BrandHeader,
  Canvas,
  DATES_LINE,
  FieldText,
  gapped,
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
  const { contentWidth } = frame;
  return {
    headline: lineBox(frame, {
      width: contentWidth,
      lines: 2,
      px: 140,
      lineHeight: 1.12,
      share: 0.22,
      weight: 700,
      balance: true,
      align: "center",
    }),
    subline: lineBox(frame, {
      width: contentWidth,
      lines: 2,
      px: 54,
      lineHeight: 1.4,
      share: 0.12,
      weight: 400,
      balance: true,
      align: "center",
    }),
    offer: lineBox(frame, {
      width: contentWidth,
      lines: 1,
      px: 76,
      lineHeight: 1.2,
      weight: 700,
      align: "center",
    }),
    dates: lineBox(frame, { width: contentWidth, ...DATES_LINE, weight: 400, align: "center" }),
  };
}

function reserved(frame: PosterFrame, h: TextHeights): number {
  const { u } = frame;
  const gap = Math.round(16 * u);
  return (
    gapped(h.headline, Math.round(40 * u)) +
    gapped(h.subline, gap) +
    gapped(h.offer, Math.round(26 * u)) +
    gapped(h.dates, gap) +
    Math.round(44 * u)
  );
}

function Art(art: PosterArtProps) {
  const { frame, kit } = art;
  const { u } = frame;
  const gap = Math.round(16 * u);
  const photoHeight = art.fillHeight;
  return (
    <Canvas art={art} background="#f5f6f8">
      <BrandHeader art={art} background={kit.primaryColor} color={inkOn(kit.primaryColor)} />
      <div
        style={{ display: "flex", flexDirection: "column", alignItems: "center", height: frame.bodyHeight }}
      >
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
        <FieldText
          art={art}
          field="headline"
          color={kit.textColor}
          style={{ marginTop: Math.round(40 * u) }}
        />
        <FieldText art={art} field="subline" color="#4b5563" style={{ marginTop: gap }} />
        <FieldText
          art={art}
          field="offer"
          color={kit.accentColor}
          style={{ marginTop: Math.round(26 * u) }}
        />
        <FieldText art={art} field="dates" color="#6b7280" style={{ marginTop: gap }} />
      </div>
      <BrandFooter art={art} />
    </Canvas>
  );
}

export const newModelDesign: TemplateDesign = {
  boxes,
  fill: { kind: "photo", minShare: 0.3 },
  reserved,
  Art,
};
