// Seeds the demo data into the studio database once (npm start does this unless SEED_DEMO=0).
import { createStudio } from "../app/lib/studio.server";
import { seedDemoData } from "../db/seed";

const studio = createStudio();
const { seeded } = await seedDemoData({ db: studio.db, now: studio.now(), dataDir: studio.config.dataDir });
console.log(seeded ? "demo data seeded" : "demo data already present: nothing to do");
studio.database.sqlite.close();
