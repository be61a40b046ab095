/** @jsxRuntime automatic */
/** @jsxImportSource react */
/**
 * Pieces every poster template draws with: its text boxes, fitted text, the canvas with the brand
 * header and footer (the kit's locked fields), the body, the QR code, the photo, cards and
 * decorations. Components for satori: every box is a flex box with explicit sizes, and text
 * arrives already broken into lines (poster-layout.ts).
 */
import type { CSSProperties, ReactElement, ReactNode } from "react";
import { POSTER_FONTS, type BrandKit, type PosterFieldKey } from "../poster-catalog";
import type { KitTextKey, PosterFrame } from "../poster-frame";
import type { FittedText, FontWeight, TextBox } from "../poster-layout";

/** What a template returns: the tree satori draws. */
export type PosterElement = ReactElement;

export type Align = "left" | "center";
export type PosterTextKey = Exclude<PosterFieldKey, "validFrom" | "validTo"> | "dates";

export interface PlacedBox extends TextBox {
  align: Align;
}

export interface ImageRef {
  src: string;
  width: number;
  height: number;
}

/** Fixed words printed on posters (Chinese: the posters are for Chinese readers). */
export interface PosterLabels {
  tag: string;
  qrCaption: string;
  hotline: string;
  dates: string;
}

/** The model photo, handed out already scaled and cropped to the box it fills. */
export interface PosterPhoto {
  at(width: number, height: number): ImageRef;
}

export interface PosterArtProps {
  frame: PosterFrame;
  kit: BrandKit;
  text: Partial<Record<PosterTextKey | KitTextKey, FittedText>>;
  boxes: Partial<Record<PosterTextKey, PlacedBox>>;
  photo: PosterPhoto | null;
  logo: ImageRef | null;
  qr: { path: string; modules: number; withLogo: boolean };
  labels: PosterLabels;
  /** Height left in the body for the template's filling part (its photo or its main text). */
  fillHeight: number;
}

export type TextHeights = Record<PosterTextKey, number>;

/**
 * A text box sized in lines: `lines` lines of type at most `px` (at a poster 1080 px wide, as
 * the catalog's font sizes) spaced `lineHeight`, so as tall as those lines at the largest size,
 * and no taller than `share` of the body when given. `balance` evens out display type.
 */
export function lineBox(
  frame: PosterFrame,
  spec: {
    width: number;
    lines: number;
    px: number;
    lineHeight: number;
    weight: FontWeight;
    align: Align;
    share?: number;
    balance?: boolean;
  },
): PlacedBox {
  const { width, lines, px, lineHeight, weight, align, share, balance } = spec;
  const full = lines * lineHeight * px * frame.u;
  return {
    width,
    maxHeight: share === undefined ? full : Math.min(full, share * frame.bodyHeight),
    maxLines: lines,
    lineHeight,
    weight,
    ...(balance ? { balance } : {}),
    align,
  };
}

/** The validity line every template sets: one line of at most 40 px. */
const DATES_LINE = { lines: 1, px: 40, lineHeight: 1.3 } as const;

/**
 * A field's box in lines (as `lineBox`): as wide as the content and aligned as the template's
 * text unless `width` or `align` say otherwise.
 */
export interface FieldLines {
  width?: number;
  lines: number;
  px: number;
  lineHeight: number;
  share?: number;
  align?: Align;
}

/**
 * A template's text boxes, each field set as its part on every poster: the headline bold and
 * balanced, the subline regular and balanced (or a box of its own where it fills the body), the
 * offer bold, and the dates on one line.
 */
export function fieldBoxes(
  frame: PosterFrame,
  spec: {
    align: Align;
    headline: FieldLines;
    subline: FieldLines | PlacedBox;
    offer: FieldLines;
    dates: { width?: number; weight: FontWeight; align?: Align };
  },
): Record<PosterTextKey, PlacedBox> {
  const box = (field: FieldLines, weight: FontWeight, balance?: boolean) =>
    lineBox(frame, {
      ...field,
      width: field.width ?? frame.contentWidth,
      align: field.align ?? spec.align,
      weight,
      balance,
    });
  const { subline } = spec;
  return {
    headline: box(spec.headline, 700, true),
    subline: "px" in subline ? box(subline, 400, true) : subline,
    offer: box(spec.offer, 700),
    dates: box({ ...spec.dates, ...DATES_LINE }, spec.dates.weight),
  };
}

/**
 * A template: its text boxes, how much of the body everything but the filling part takes, and
 * the drawing. The renderer fits the text first and hands the rest of the body to the filling
 * part, so no box is ever squeezed (and no text clipped) by the flex layout.
 */
export interface TemplateDesign {
  /** Boxes the template's text fits into (dates: validFrom and validTo on one line). */
  boxes(frame: PosterFrame): Record<PosterTextKey, PlacedBox>;
  /**
   * What grows into the space the rest leaves: the photo (at least `minShare` of the body, or
   * the text is refused as too long), or a text field fitted last into what is left.
   */
  fill: { kind: "photo"; minShare: number } | { kind: "text"; field: PosterTextKey };
  /** Body height taken by everything but the filling part, given the fitted text heights. */
  reserved(frame: PosterFrame, heights: TextHeights): number;
  Art(props: PosterArtProps): ReactElement;
}

export function PosterText(props: {
  text: FittedText | undefined;
  width: number;
  align: Align;
  color: string;
  weight: 400 | 700;
  style?: CSSProperties;
}): ReactElement | null {
  const { text, width, align, color, weight } = props;
  if (!text) return null;
  const lh = text.lineHeightPx;
  return (
    <div style={{ display: "flex", flexDirection: "column", width, height: text.height, ...props.style }}>
      {text.lines.map((line, i) => {
        const offset = align === "center" ? Math.max(0, (width - line.width) / 2) : 0;
        return (
          <div key={i} style={{ display: "flex", position: "relative", width, height: lh }}>
            {line.runs.map((run, k) => (
              <div
                key={k}
                style={{
                  position: "absolute",
                  left: offset + run.x,
                  top: 0,
                  height: lh,
                  lineHeight: `${lh}px`,
                  fontSize: text.fontPx,
                  fontWeight: weight,
                  color,
                  whiteSpace: "pre",
                }}
              >
                {run.text}
              </div>
            ))}
          </div>
        );
      })}
    </div>
  );
}

/** A fitted field in its box (the box's width, the lines' height). */
export function FieldText(props: {
  art: PosterArtProps;
  field: PosterTextKey;
  color: string;
  style?: CSSProperties;
}): ReactElement | null {
  const box = props.art.boxes[props.field];
  if (!box) return null;
  return (
    <PosterText
      text={props.art.text[props.field]}
      width={box.width}
      align={box.align}
      color={props.color}
      weight={box.weight}
      style={props.style}
    />
  );
}

/**
 * The whole poster: backgrounds reach the bleed; the brand header, the body (`children`) and the
 * brand footer are laid out inside the trim, over the `backdrop` when there is one. The header's
 * band is `header` (none: the background shows through); every template sets it on the brand
 * colour or a shade of it, so its text takes the ink that reads there. Every text inside
 * inherits the kit's face from here.
 */
export function Canvas(props: {
  art: PosterArtProps;
  background: string;
  header?: string;
  backdrop?: ReactElement;
  children: ReactElement;
}) {
  const { art } = props;
  const { frame, kit } = art;
  return (
    <div
      style={{
        display: "flex",
        width: frame.width,
        height: frame.height,
        background: props.background,
        fontFamily: POSTER_FONTS[kit.font].family,
        position: "relative",
      }}
    >
      <div
        style={{
          display: "flex",
          flexDirection: "column",
          position: "absolute",
          left: frame.bleed,
          top: frame.bleed,
          width: frame.trimWidth,
          height: frame.trimHeight,
        }}
      >
        {props.backdrop}
        <BrandHeader art={art} background={props.header} color={inkOn(kit.primaryColor)} />
        {props.children}
        <BrandFooter art={art} />
      </div>
    </div>
  );
}

/**
 * The body between header and footer: a column as tall as the body, inside the side margins
 * unless `edgeToEdge`; `style` adds the template's own.
 */
export function Body(props: {
  art: PosterArtProps;
  edgeToEdge?: boolean;
  style?: CSSProperties;
  children: ReactNode;
}) {
  const { frame } = props.art;
  const inset = props.edgeToEdge ? {} : { paddingLeft: frame.pad, paddingRight: frame.pad };
  return (
    <div
      style={{ display: "flex", flexDirection: "column", height: frame.bodyHeight, ...inset, ...props.style }}
    >
      {props.children}
    </div>
  );
}

/** A white card with a coloured stripe down its left edge: sizes at a poster 1080 px wide. */
export interface StripeCardSpec {
  stripe: number;
  /** Padding left and right of the card's content. */
  padX: number;
  radius: number;
}

/** Width left for text in a stripe card as wide as the content. */
export function stripeCardTextWidth(frame: PosterFrame, card: StripeCardSpec): number {
  const { u, contentWidth } = frame;
  return contentWidth - Math.round(2 * card.padX * u) - Math.round(card.stripe * u);
}

/** The stripe card; `style` adds to the card, `innerStyle` to the box its content sits in. */
export function StripeCard(props: {
  art: PosterArtProps;
  card: StripeCardSpec;
  stripeColor: string;
  style?: CSSProperties;
  innerStyle?: CSSProperties;
  children: ReactNode;
}) {
  const { card } = props;
  const { u } = props.art.frame;
  const padX = Math.round(card.padX * u);
  return (
    <div
      style={{
        display: "flex",
        borderRadius: Math.round(card.radius * u),
        background: "#ffffff",
        overflow: "hidden",
        ...props.style,
      }}
    >
      <div style={{ display: "flex", width: Math.round(card.stripe * u), background: props.stripeColor }} />
      <div style={{ display: "flex", paddingLeft: padX, paddingRight: padX, ...props.innerStyle }}>
        {props.children}
      </div>
    </div>
  );
}

/** A round decoration `size` across, placed (left/right/top/bottom) and painted by `style`. */
export function Disc(props: { size: number; radius: number; style: CSSProperties }) {
  const { size } = props;
  return (
    <div
      style={{
        display: "flex",
        position: "absolute",
        width: size,
        height: size,
        borderRadius: props.radius,
        ...props.style,
      }}
    />
  );
}

/** Dealer logo and name on a band of `background` (the brand colour unless said otherwise). */
export function BrandHeader(props: { art: PosterArtProps; background?: string; color?: string }) {
  const { art } = props;
  const { frame, logo } = art;
  const { u } = frame;
  const logoH = Math.round(84 * u);
  return (
    <div
      style={{
        display: "flex",
        alignItems: "center",
        flexShrink: 0,
        // Positioned, so it paints over a template's positioned backdrop in document order.
        position: "relative",
        // The band reaches into the bleed on print sizes; its content stays inside the trim.
        height: frame.headerHeight + frame.bleed,
        paddingTop: frame.bleed,
        paddingLeft: frame.pad,
        paddingRight: frame.pad,
        marginLeft: -frame.bleed,
        marginRight: -frame.bleed,
        marginTop: -frame.bleed,
        background: props.background ?? "transparent",
      }}
    >
      {logo ? (
        <div
          style={{
            display: "flex",
            alignItems: "center",
            justifyContent: "center",
            width: logoH,
            height: logoH,
            marginRight: Math.round(26 * u),
            marginLeft: frame.bleed,
            background: "#ffffff",
            borderRadius: Math.round(18 * u),
          }}
        >
          <img
            src={logo.src}
            width={Math.round(((logoH * 0.8) / Math.max(logo.width, logo.height)) * logo.width)}
            height={Math.round(((logoH * 0.8) / Math.max(logo.width, logo.height)) * logo.height)}
          />
        </div>
      ) : (
        <div style={{ display: "flex", marginLeft: frame.bleed }} />
      )}
      <PosterText
        text={art.text.dealerName}
        width={frame.contentWidth - (logo ? logoH + Math.round(26 * u) : 0)}
        align="left"
        color={props.color ?? "#ffffff"}
        weight={700}
      />
    </div>
  );
}

export const QR_QUIET_MODULES = 2;

/** Side of the white square that carries the logo on the QR code's centre. */
export function qrLogoBox(qrSize: number): number {
  return Math.round(qrSize * 0.22);
}

/** Where that square starts inside the code, in whole pixels. */
export function qrLogoOffset(qrSize: number): number {
  return Math.floor((qrSize - qrLogoBox(qrSize)) / 2);
}

/** The QR code on white, with the kit logo on its centre when there is one. */
export function QrCode(props: { art: PosterArtProps; size: number }) {
  const { qr, logo } = props.art;
  const { size } = props;
  // A quiet zone of two modules inside the white card; the card sits on white or is its own.
  const quiet = QR_QUIET_MODULES;
  const total = qr.modules + 2 * quiet;
  const logoBox = qrLogoBox(size);
  return (
    <div style={{ display: "flex", position: "relative", width: size, height: size, background: "#ffffff" }}>
      {qr.path ? (
        <svg width={size} height={size} viewBox={`${-quiet} ${-quiet} ${total} ${total}`}>
          <path d={qr.path} fill="#000000" shapeRendering="crispEdges" />
        </svg>
      ) : (
        // Variants: the code is painted into the pixels afterwards (render-poster-variants).
        <div style={{ display: "flex" }} />
      )}
      {qr.withLogo && logo ? (
        <div
          style={{
            display: "flex",
            position: "absolute",
            left: qrLogoOffset(size),
            top: qrLogoOffset(size),
            width: logoBox,
            height: logoBox,
            alignItems: "center",
            justifyContent: "center",
            background: "#ffffff",
            borderRadius: Math.round(logoBox * 0.18),
          }}
        >
          <img
            src={logo.src}
            width={Math.round(((logoBox * 0.82) / Math.max(logo.width, logo.height)) * logo.width)}
            height={Math.round(((logoBox * 0.82) / Math.max(logo.width, logo.height)) * logo.height)}
          />
        </div>
      ) : (
        <div style={{ display: "flex" }} />
      )}
    </div>
  );
}

/** Hotline and address beside the QR code, on a white band that reaches the bottom bleed. */
export function BrandFooter(props: { art: PosterArtProps; background?: string }) {
  const { art } = props;
  const { frame, kit, labels } = art;
  const { u } = frame;
  return (
    <div
      style={{
        display: "flex",
        alignItems: "center",
        justifyContent: "space-between",
        flexShrink: 0,
        position: "relative",
        height: frame.footerHeight + frame.bleed,
        marginBottom: -frame.bleed,
        marginLeft: -frame.bleed,
        marginRight: -frame.bleed,
        paddingLeft: frame.pad + frame.bleed,
        paddingRight: frame.pad + frame.bleed,
        paddingBottom: frame.bleed,
        background: props.background ?? "#ffffff",
      }}
    >
      <div style={{ display: "flex", flexDirection: "column" }}>
        <div
          style={{
            display: "flex",
            fontSize: Math.round(28 * u),
            color: "#6b7280",
            marginBottom: Math.round(4 * u),
          }}
        >
          {labels.hotline}
        </div>
        <PosterText
          text={art.text.hotline}
          width={frame.contentWidth - frame.qrSize - Math.round(56 * u)}
          align="left"
          color={kit.primaryColor}
          weight={700}
        />
        <div
          style={{
            display: "flex",
            width: Math.round(90 * u),
            height: Math.max(2, Math.round(4 * u)),
            background: kit.accentColor,
            marginTop: Math.round(14 * u),
            marginBottom: Math.round(14 * u),
          }}
        />
        <PosterText
          text={art.text.address}
          width={frame.contentWidth - frame.qrSize - Math.round(56 * u)}
          align="left"
          color="#374151"
          weight={400}
        />
      </div>
      <div
        style={{
          display: "flex",
          flexDirection: "column",
          alignItems: "center",
          // Placed at whole pixels the renderer knows, so variants can repaint just the code.
          position: "absolute",
          left: frame.qrLeft,
          top: frame.qrTop - (frame.bleed + frame.trimHeight - frame.footerHeight),
        }}
      >
        <QrCode art={art} size={frame.qrSize} />
        <div
          style={{
            display: "flex",
            height: frame.qrCaptionHeight,
            lineHeight: `${frame.qrCaptionHeight}px`,
            fontSize: Math.round(24 * u),
            color: "#374151",
            marginTop: frame.qrCaptionGap,
          }}
        >
          {labels.qrCaption}
        </div>
      </div>
    </div>
  );
}

/** The model photo covering its box, or (no photo) a drawn stand-in in the brand colours. */
export function Photo(props: {
  art: PosterArtProps;
  width: number;
  height: number;
  radius?: number;
  style?: CSSProperties;
}) {
  const { art, width, height } = props;
  const radius = props.radius ?? 0;
  if (art.photo) {
    return (
      <div
        style={{ display: "flex", width, height, borderRadius: radius, overflow: "hidden", ...props.style }}
      >
        <img
          src={art.photo.at(width, height).src}
          width={width}
          height={height}
          style={{ objectFit: "cover", width, height }}
        />
      </div>
    );
  }
  const { kit } = art;
  return (
    <div
      style={{
        display: "flex",
        position: "relative",
        width,
        height,
        borderRadius: radius,
        overflow: "hidden",
        backgroundImage: `linear-gradient(135deg, ${kit.primaryColor}, ${kit.accentColor})`,
        ...props.style,
      }}
    >
      <Disc
        size={height * 1.1}
        radius={height}
        style={{ left: width * 0.45, top: -height * 0.3, background: "rgba(255,255,255,0.14)" }}
      />
      <Disc
        size={height * 0.9}
        radius={height}
        style={{ left: -height * 0.25, top: height * 0.45, background: "rgba(255,255,255,0.10)" }}
      />
    </div>
  );
}

/** Dark or white text, whichever reads better on `background` (a #rrggbb colour). */
export function inkOn(background: string): string {
  const c = rgb(background);
  if (!c) return "#ffffff";
  const [r, g, b] = c.map((v) => {
    const x = v / 255;
    return x <= 0.03928 ? x / 12.92 : ((x + 0.055) / 1.055) ** 2.4;
  });
  const luminance = 0.2126 * r + 0.7152 * g + 0.0722 * b;
  // White wins unless the colour is light (yellow, gold, pale tints).
  return luminance > 0.4 ? "#1f2937" : "#ffffff";
}

/** Height of the `Tag`, which the templates' budgets count. */
export function tagHeight(frame: PosterFrame): number {
  return Math.round(58 * frame.u);
}

/** A small rounded label ("限时优惠") in the accent colour. */
export function Tag(props: { art: PosterArtProps; style?: CSSProperties }) {
  const { art } = props;
  const { u } = art.frame;
  return (
    <div
      style={{
        display: "flex",
        position: "relative",
        alignItems: "center",
        height: tagHeight(art.frame),
        paddingLeft: Math.round(26 * u),
        paddingRight: Math.round(26 * u),
        borderRadius: Math.round(29 * u),
        background: art.kit.accentColor,
        color: inkOn(art.kit.accentColor),
        fontSize: Math.round(30 * u),
        fontWeight: 700,
        letterSpacing: Math.round(4 * u),
        ...props.style,
      }}
    >
      {art.labels.tag}
    </div>
  );
}

/** Height a field takes after a gap, or nothing when the field is empty. */
export function gapped(height: number, gap: number): number {
  return height > 0 ? gap + height : 0;
}

/** The fitted heights the art was laid out with (0 for an empty field). */
export function heightsOf(art: PosterArtProps): TextHeights {
  const h = (key: PosterTextKey) => art.text[key]?.height ?? 0;
  return { headline: h("headline"), subline: h("subline"), offer: h("offer"), dates: h("dates") };
}

function rgb(hex: string): [number, number, number] | null {
  const m = /^#?([0-9a-f]{6})$/i.exec(hex.trim());
  if (!m) return null;
  const n = parseInt(m[1], 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

/** `hex` at opacity `alpha` (a kit colour that is not #rrggbb is returned as it is). */
export function withAlpha(hex: string, alpha: number): string {
  const c = rgb(hex);
  return c ? `rgba(${c[0]},${c[1]},${c[2]},${alpha})` : hex;
}

/** `hex` darkened by `amount` (0..1). */
export function darker(hex: string, amount: number): string {
  const c = rgb(hex);
  return c ? `rgb(${c.map((v) => Math.round(v * (1 - amount))).join(",")})` : hex;
}
