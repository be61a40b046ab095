// Verifies the audit log's hash chain; exits non-zero when an entry was altered or removed.
import { createStudio } from "../app/lib/studio.server";
import { verifyAuditChain } from "../app/modules/audit/verify-audit-chain.server";

const studio = createStudio();
const report = verifyAuditChain({ db: studio.db });
studio.database.sqlite.close();
if (report.ok) {
  console.log(`audit chain intact: ${report.entries} entries`);
} else {
  console.error(
    `audit chain BROKEN at entry ${report.brokenAtId}: ${report.reason} (${report.entries} entries read)`,
  );
  process.exit(1);
}
