import type { DbOrTx } from "~/lib/db.server";
import type { BuildRow } from "./book-rows.server";
import type { BuildDto } from "./book-dtos";
import { getBuildQrUrls } from "./get-build-qr-urls.server";
import { printedUrlReason } from "./public-url.server";

function toBuildDto(build: BuildRow, currentHash: string | null, qrUrl: string | null): BuildDto {
  return {
    id: build.id,
    profile: build.profile,
    pages: build.pages,
    bytes: build.bytes,
    sha256: build.sha256,
    contentHash: build.contentHash,
    signoffId: build.signoffId,
    renderMs: build.renderMs,
    createdAt: build.createdAt.toISOString(),
    current: build.contentHash === currentHash,
    downloadUrl: `/api/v1/builds/${build.id}.pdf`,
    qrUrl,
    qrPublic: qrUrl !== null && printedUrlReason(qrUrl) === null,
  };
}

/** Build DTOs with the address each build's QR codes point to. */
export function toBuildDtos(options: {
  db: DbOrTx;
  builds: BuildRow[];
  /** The book's content hash now: a build typeset from it is `current`. */
  currentHash: string | null;
}): BuildDto[] {
  const { db, builds, currentHash } = options;
  const qr = getBuildQrUrls({ db, builds });
  return builds.map((b) => toBuildDto(b, currentHash, qr.get(b.id) ?? null));
}
