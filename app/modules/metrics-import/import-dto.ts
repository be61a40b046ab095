import { translator } from "~/i18n/i18n";
import type { Language } from "~/i18n/locales";
import type { ImportAnalysis } from "./analyse-import.server";
import type { RowProblem } from "./read-export";

/** A row problem in words, in the reader's language (the same text the preview shows). */
export function problemText(problem: RowProblem, lang: Language): string {
  return translator(lang)(`imports.problems.${problem.problem}`, { ...problem });
}

/** An analysis as the API answers it and the preview page reads it: plain JSON. */
export function analysisDto(analysis: ImportAnalysis, lang: Language) {
  return {
    platform: analysis.platform,
    channelName: analysis.channelName,
    asOfDay: analysis.asOfDay,
    encoding: analysis.encoding,
    fileName: analysis.fileName,
    headerRow: analysis.headerRow,
    columns: analysis.columns,
    ignoredColumns: analysis.columns.filter((c) => c.field === null).map((c) => c.header),
    counts: analysis.counts,
    rows: analysis.rows.map((r) => ({
      row: r.row,
      title: r.title,
      url: r.url,
      platformId: r.platformId,
      publishedDay: r.publishedDay,
      figures: r.figures,
      match: r.match,
      skipped: r.skipped,
      blocking: r.blocking,
      problems: r.problems.map((p) => ({ ...p, message: problemText(p, lang) })),
    })),
  };
}

export type AnalysisDto = ReturnType<typeof analysisDto>;
