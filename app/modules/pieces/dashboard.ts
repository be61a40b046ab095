/** What the home page shows, one section per role the signed-in person holds (null: not theirs). */
import type { ShowState } from "../livestream/show-state";
import type { PieceDto } from "./piece-dto";

export type RejectedPiece = PieceDto & { reason: string | null; rejectedAt: string | null };

export interface HomeShow {
  id: number;
  title: string;
  status: string;
  scheduledAt: string | null;
  liveStatus: ShowState["status"] | "idle";
  hostName: string | null;
  producerName: string | null;
}

export interface Dashboard {
  campaign: { id: number; year: number; month: number; name: string; theme: string; target: string } | null;
  /** Copywriter: my drafts and rejections (with the reviewer's reason), and what waits on review. */
  writer: { drafts: PieceDto[]; rejected: RejectedPiece[]; inReview: PieceDto[] } | null;
  /** Editor: the review queue (oldest first) and what is due within a week or overdue. */
  reviewer: { queue: PieceDto[]; due: PieceDto[] } | null;
  /** Host: the shows I host, upcoming first, then those that ended in the last two weeks. */
  host: { shows: HomeShow[] } | null;
  /** Producer: the next show I run (its console), then the rest. */
  producer: { next: HomeShow | null; later: HomeShow[] } | null;
  analyst: {
    from: string;
    to: string;
    views: number;
    plays: number;
    completionRate: number | null;
    leads: number;
    leadRate: number | null;
  } | null;
  admin: {
    failedJobs: number;
    recentFailures: Array<{ id: number; type: string; error: string | null; at: string }>;
    freeBytes: number | null;
    lowDisk: boolean;
    overdueDeletionRequests: number;
  } | null;
}
