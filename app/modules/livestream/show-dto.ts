import type { RunOfShowBlock, RunOfShowIssue } from "./run-of-show";
import type { ShowReport } from "./show-report";
import type { ShowLogEntry, ShowState } from "./show-state";

/** The public shapes of a show, shared by the pages, the API and the use cases that build them. */
export interface ShowProductDto {
  name: string;
  painPoint: string;
  painSeconds: number;
  sellingPoint: string;
  sellingSeconds: number;
  perk: string;
  perkSeconds: number;
}

export interface ShowDto {
  id: number;
  title: string;
  status: string;
  version: number;
  ownerId: number;
  ownerName: string | null;
  scheduledAt: string | null;
  hostId: number | null;
  hostName: string | null;
  producerId: number | null;
  producerName: string | null;
  plannedMinutes: number;
  hostCharsPerMinute: number;
  products: ShowProductDto[];
  opening: string;
  interaction: string;
  cta: string;
  ctaUrl: string;
  closing: string;
  /** The run of show the screens use: frozen at start, computed from the script before. */
  blocks: RunOfShowBlock[];
  blocksFrozen: boolean;
  issues: RunOfShowIssue[];
  totalSeconds: number;
  liveStatus: ShowState["status"];
  startedAt: string | null;
  endedAt: string | null;
  updatedAt: string;
}

export interface ShowListItem {
  id: number;
  title: string;
  status: string;
  scheduledAt: string | null;
  hostName: string | null;
  producerName: string | null;
  productCount: number;
  plannedMinutes: number;
  liveStatus: ShowState["status"];
  updatedAt: string;
}

/** A show's live state with the server clock it was read at (screens estimate their offset). */
export interface ShowSnapshotDto {
  state: ShowState;
  serverNow: number;
}

export interface ShowLogRow extends ShowLogEntry {
  id: number;
  actorName: string | null;
}

export interface ShowReportDto extends ShowReport {
  showId: number;
  title: string;
  status: ShowState["status"];
  /** No lead tracking exists yet: null means "not measured", shown as —. */
  leadsCaptured: number | null;
  log: ShowLogRow[];
}
