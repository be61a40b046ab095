/** What the originality settings page shows. Types only: safe in the browser. */

export interface ThresholdSetting {
  kind: string;
  threshold: number;
  /** No row: the default applies. */
  isDefault: boolean;
  updatedAt: string | null;
}

export interface BoilerplateLineDto {
  id: number;
  text: string;
  columnId: number | null;
  columnName: string | null;
  createdAt: string;
}

export interface OriginalitySettings {
  thresholds: ThresholdSetting[];
  lines: BoilerplateLineDto[];
  /** Every column with its outro line (boilerplate without a row). */
  columns: Array<{ id: number; name: string; outroLine: string }>;
}
