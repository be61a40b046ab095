/** The design and copy team's daily targets (dealer plan: 2 posters and 1 article every day). */
export const DAILY_TARGETS = { poster: 2, article: 1 } as const;
export type OutputKind = keyof typeof DAILY_TARGETS;
export const OUTPUT_KINDS = Object.keys(DAILY_TARGETS) as OutputKind[];

export interface OutputCounts {
  poster: number;
  article: number;
}

export interface PersonOutput {
  userId: number;
  name: string;
  today: OutputCounts;
  week: OutputCounts;
}

export interface DailyOutput {
  /** The studio's calendar day and the Monday that starts its week, "YYYY-MM-DD". */
  day: string;
  weekStart: string;
  /** Days of the week so far, today included: the week's target is the daily one times this. */
  daysSoFar: number;
  targets: {
    today: OutputCounts;
    weekSoFar: OutputCounts;
  };
  people: PersonOutput[];
  team: { today: OutputCounts; week: OutputCounts };
}
