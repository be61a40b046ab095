// Applies pending migrations to the studio database (npm start does this too).
import { createStudio } from "../app/lib/studio.server";

const studio = createStudio();
console.log(`migrated ${studio.database.file}`);
studio.database.sqlite.close();
