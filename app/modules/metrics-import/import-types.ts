/** What the history and an import's page show of an import; plain types the components read. */

export type ImportStatus = "preview" | "applied" | "undone";

export interface ImportSummary {
  id: number;
  platform: string;
  channelName: string | null;
  fileName: string;
  encoding: string;
  asOfDay: string;
  rowCount: number;
  /** Figures written (0 for a preview). */
  written: number;
  status: ImportStatus;
  createdBy: string | null;
  createdAt: string;
  appliedAt: string | null;
  undoneAt: string | null;
  undoneBy: string | null;
}
