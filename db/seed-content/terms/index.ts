import type { TermEntry } from "../../../app/modules/compliance/terms/term-types";
import { absoluteTerms } from "./absolute";
import { autoAdasTerms } from "./auto-adas";
import { autoFinanceTerms } from "./auto-finance";
import { autoFuelTerms } from "./auto-fuel";
import { autoPlateTerms } from "./auto-plate";
import { autoRangeTerms } from "./auto-range";
import { autoSafetyTerms } from "./auto-safety";
import { offPlatformTerms } from "./off-platform";
import { priceTerms } from "./price";
import { qualityTerms } from "./quality";
import { serviceTerms } from "./service";

/**
 * The library a new studio starts with (version 1, cause "seed"): written for a car dealership's
 * marketing, one file per category. Editors change it on the terms page or by CSV import.
 */
export const SEED_TERMS: TermEntry[] = [
  ...absoluteTerms,
  ...autoFuelTerms,
  ...autoSafetyTerms,
  ...autoAdasTerms,
  ...autoRangeTerms,
  ...autoFinanceTerms,
  ...autoPlateTerms,
  ...priceTerms,
  ...serviceTerms,
  ...qualityTerms,
  ...offPlatformTerms,
];
