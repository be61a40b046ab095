/** The public shape of a piece, shared by pages and the API. */
export interface PieceDto {
  id: number;
  slug: string;
  kind: string;
  title: string;
  status: string;
  ownerId: number;
  ownerName: string | null;
  campaignId: number | null;
  campaignName: string | null;
  columnId: number | null;
  mixCategory: string | null;
  version: number;
  dueAt: string | null;
  scheduledAt: string | null;
  publishedAt: string | null;
  createdAt: string;
  updatedAt: string;
}
