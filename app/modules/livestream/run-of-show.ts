import { translator } from "~/i18n/i18n";
import { MIN_SHOW_MINUTES } from "./livestream-rules";
import type { ShowScript, TimedText } from "./show-script";

export type BlockKind = "opening" | "pain" | "selling" | "perk" | "interaction" | "cta" | "closing";

export interface RunOfShowBlock {
  /** Stable within one script: `opening`, `l2-p1-pain`, `l2-cta`, `l2-interaction`, `closing`. */
  id: string;
  kind: BlockKind;
  productIndex?: number;
  productName?: string;
  /** 1-based loop through the products; 0 for the opening and the closing. */
  loop: number;
  title: string;
  text: string;
  plannedSeconds: number;
  startsAtSeconds: number;
  /** Only on CTA blocks: shown as a QR code to the mini-program. */
  ctaUrl?: string;
  /** Where the text comes from in the script, so a form can highlight the field. */
  source: string;
}

export interface ComputeRunOfShowOptions {
  /** Safety net against a degenerate script looping forever; the schema keeps real ones far below. */
  maxLoops?: number;
}

/** Turns an i18n key and its values into text: a page's `t`, or `translator(lang)` elsewhere. */
export type Translate = (key: string, values?: Record<string, unknown>) => string;

/** The i18n key that names a block kind, for the screens, the block titles and the printed rundown. */
export function blockKindKey(kind: BlockKind): string {
  return `livestream.kinds.${kind}`;
}

/** A block's title in the run of show ("第1轮 · 商品1「轩逸 经典款」痛点"), in the language of `t`. */
export function blockTitle(
  block: Pick<RunOfShowBlock, "kind" | "loop" | "productIndex" | "productName">,
  t: Translate,
): string {
  const kind = t(blockKindKey(block.kind));
  if (block.kind === "interaction") return t("livestream.blockTitle.interaction", { kind, loop: block.loop });
  if (block.productIndex !== undefined)
    return t("livestream.blockTitle.product", {
      kind,
      loop: block.loop,
      n: block.productIndex + 1,
      name: block.productName ?? "",
    });
  return block.loop > 0 ? t("livestream.blockTitle.looped", { kind, loop: block.loop }) : kind;
}

/**
 * Stored titles (frozen with the blocks when a show starts, served by the API, quoted in the
 * checks' messages) are in the studio's language; a page shows `blockTitle` in the reader's.
 */
const storedTitle = (block: Parameters<typeof blockTitle>[0]) => blockTitle(block, translator("zh"));

/**
 * Opening, then loops through the products (pain, selling, perk each; the CTA closing each
 * loop; an interaction between loops), then the closing. Loops repeat until the show reaches
 * its planned length, so the plan never falls short of it.
 */
export function computeRunOfShow(
  script: ShowScript,
  options: ComputeRunOfShowOptions = {},
): RunOfShowBlock[] {
  const maxLoops = options.maxLoops ?? 200;
  const plannedSeconds = script.plannedMinutes * 60;
  const loopSeconds =
    script.products.reduce(
      (sum, p) => sum + p.painPoint.seconds + p.sellingPoint.seconds + p.perk.seconds,
      0,
    ) + script.cta.seconds;
  const fixedSeconds = script.opening.seconds + script.closing.seconds;

  let loops = 1;
  while (
    loops < maxLoops &&
    loopSeconds > 0 &&
    fixedSeconds + loops * loopSeconds + (loops - 1) * script.interaction.seconds < plannedSeconds
  ) {
    loops += 1;
  }

  const blocks: RunOfShowBlock[] = [];
  let clock = 0;
  const push = (
    block: Omit<RunOfShowBlock, "title" | "startsAtSeconds" | "plannedSeconds" | "text">,
    part: TimedText,
  ) => {
    blocks.push({
      ...block,
      title: storedTitle(block),
      text: part.text,
      plannedSeconds: part.seconds,
      startsAtSeconds: clock,
    });
    clock += part.seconds;
  };

  push({ id: "opening", kind: "opening", loop: 0, source: "opening" }, script.opening);
  for (let loop = 1; loop <= loops; loop += 1) {
    if (loop > 1) {
      push(
        {
          id: `l${loop - 1}-interaction`,
          kind: "interaction",
          loop: loop - 1,
          source: "interaction",
        },
        script.interaction,
      );
    }
    script.products.forEach((product, productIndex) => {
      const parts = [
        ["pain", product.painPoint, "painPoint"],
        ["selling", product.sellingPoint, "sellingPoint"],
        ["perk", product.perk, "perk"],
      ] as const;
      for (const [kind, part, field] of parts) {
        push(
          {
            id: `l${loop}-p${productIndex + 1}-${kind}`,
            kind,
            productIndex,
            productName: product.name,
            loop,
            source: `products.${productIndex}.${field}`,
          },
          part,
        );
      }
    });
    push(
      {
        id: `l${loop}-cta`,
        kind: "cta",
        loop,
        ctaUrl: script.cta.url,
        source: "cta",
      },
      script.cta,
    );
  }
  push({ id: "closing", kind: "closing", loop: 0, source: "closing" }, script.closing);
  return blocks;
}

export function totalSeconds(blocks: readonly RunOfShowBlock[]): number {
  return blocks.reduce((sum, b) => sum + b.plannedSeconds, 0);
}

/** Characters the host actually says: whitespace is layout, not speech. */
export function countSpokenChars(text: string): number {
  return Array.from(text.replace(/\s+/g, "")).length;
}

/** Seconds a host at `charsPerMinute` needs to read the text, rounded up. */
export function readingSeconds(text: string, charsPerMinute: number): number {
  return Math.ceil((countSpokenChars(text) * 60) / charsPerMinute);
}

export type RunOfShowIssueCode = "too_short" | "empty_text" | "too_fast" | "missing_cta_url";

export interface RunOfShowIssue {
  code: RunOfShowIssueCode;
  /** The first block that shows the problem (later loops repeat the same text). */
  blockId: string;
  blockIndex: number;
  /** The script field to fix, e.g. `products.0.painPoint` or `plannedMinutes`. */
  path: string;
  message: string;
}

/** Gates going live: a draft may be saved with these issues, a show may not start with them. */
export function validateRunOfShow(
  script: ShowScript,
  blocks: RunOfShowBlock[] = computeRunOfShow(script),
): RunOfShowIssue[] {
  const issues: RunOfShowIssue[] = [];
  const seen = new Set<string>();
  const zh = translator("zh");
  blocks.forEach((block, blockIndex) => {
    if (seen.has(block.source)) return;
    seen.add(block.source);
    // The messages themselves are Chinese until the checks' messages are translated by code.
    const label = block.productName
      ? `${zh("livestream.productLabel", { n: (block.productIndex ?? 0) + 1, name: block.productName })}的${zh(blockKindKey(block.kind))}`
      : block.title;
    if (countSpokenChars(block.text) === 0) {
      issues.push({
        code: "empty_text",
        blockId: block.id,
        blockIndex,
        path: block.source,
        message: `${label}文案为空`,
      });
    } else {
      const needed = readingSeconds(block.text, script.hostCharsPerMinute);
      if (needed > block.plannedSeconds) {
        issues.push({
          code: "too_fast",
          blockId: block.id,
          blockIndex,
          path: block.source,
          message: `${label}共 ${countSpokenChars(block.text)} 字，按每分钟 ${script.hostCharsPerMinute} 字需要 ${needed} 秒，超过计划的 ${block.plannedSeconds} 秒`,
        });
      }
    }
    if (block.kind === "cta" && !block.ctaUrl) {
      issues.push({
        code: "missing_cta_url",
        blockId: block.id,
        blockIndex,
        path: "ctaUrl",
        message: "引导留资需要小程序链接（生成二维码）",
      });
    }
  });
  const total = totalSeconds(blocks);
  if (total < MIN_SHOW_MINUTES * 60) {
    const last = blocks.length - 1;
    issues.push({
      code: "too_short",
      blockId: blocks[last].id,
      blockIndex: last,
      path: "plannedMinutes",
      message: `整场只有 ${Math.floor(total / 60)} 分 ${total % 60} 秒，每场直播至少 ${MIN_SHOW_MINUTES} 分钟`,
    });
  }
  return issues;
}
