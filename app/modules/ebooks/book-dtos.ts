/** Plain JSON shapes of the e-book pages and API, shared by the server and the UI (no server imports). */

export interface BuildDto {
  id: number;
  profile: string;
  pages: number;
  bytes: number;
  sha256: string;
  contentHash: string;
  signoffId: number | null;
  renderMs: number;
  createdAt: string;
  /** Typeset from the book's content as it is now. */
  current: boolean;
  downloadUrl: string;
  /** The address this build's QR codes encode (null when unknown). */
  qrUrl: string | null;
  /** Whether that address is public, i.e. could go to print (not loopback, private or local). */
  qrPublic: boolean;
}
