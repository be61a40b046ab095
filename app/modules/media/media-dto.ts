/** What pages and the API see of footage, brand assets and render versions; plain so components can name them. */
export interface MediaAssetDto {
  id: number;
  role: string;
  kind: string;
  originalName: string;
  bytes: number;
  durationSeconds: number | null;
  width: number | null;
  height: number | null;
  hasAudio: boolean;
  position: number;
  verifyStatus: string;
  verifyError: string | null;
  createdAt: string;
}

export interface RenderVersionDto {
  id: number;
  number: number;
  jobId: number;
  bytes: number;
  durationSeconds: number;
  coverAtSecond: number | null;
  createdAt: string;
  /** False once the script, footage or brand changed since it was rendered: it reads 已过期. */
  current: boolean;
  videoUrl: string;
  coverUrl: string;
  thumbnailUrl: string;
}
