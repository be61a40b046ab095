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

/** Chinese names of the block kinds, shared by the block titles, the printed rundown and the screens. */
export const BLOCK_KIND_LABEL_ZH: Readonly<Record<BlockKind, string>> = {
  opening: "开场",
  pain: "痛点",
  selling: "卖点",
  perk: "福利",
  interaction: "互动",
  cta: "引导留资",
  closing: "收尾",
};

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
    block: Omit<RunOfShowBlock, "startsAtSeconds" | "plannedSeconds" | "text">,
    part: TimedText,
  ) => {
    blocks.push({ ...block, text: part.text, plannedSeconds: part.seconds, startsAtSeconds: clock });
    clock += part.seconds;
  };

  push(
    { id: "opening", kind: "opening", loop: 0, title: BLOCK_KIND_LABEL_ZH.opening, source: "opening" },
    script.opening,
  );
  for (let loop = 1; loop <= loops; loop += 1) {
    if (loop > 1) {
      push(
        {
          id: `l${loop - 1}-interaction`,
          kind: "interaction",
          loop: loop - 1,
          title: `${BLOCK_KIND_LABEL_ZH.interaction} · 第${loop - 1}轮后`,
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
            title: `第${loop}轮 · 商品${productIndex + 1}「${product.name}」${BLOCK_KIND_LABEL_ZH[kind]}`,
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
        title: `第${loop}轮 · ${BLOCK_KIND_LABEL_ZH.cta}`,
        ctaUrl: script.cta.url,
        source: "cta",
      },
      script.cta,
    );
  }
  push(
    { id: "closing", kind: "closing", loop: 0, title: BLOCK_KIND_LABEL_ZH.closing, source: "closing" },
    script.closing,
  );
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
  blocks.forEach((block, blockIndex) => {
    if (seen.has(block.source)) return;
    seen.add(block.source);
    const label = block.productName
      ? `商品${(block.productIndex ?? 0) + 1}「${block.productName}」的${BLOCK_KIND_LABEL_ZH[block.kind]}`
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
