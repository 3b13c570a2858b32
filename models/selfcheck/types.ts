/** The seed framework's levels for a practice, in order (../shared/seeds/leadership-system-practices.txt). */
export const LEVELS = ['getting started', 'getting better', 'keep improving'] as const;
export type Level = (typeof LEVELS)[number];

export const PRACTICES = ['13', '14', '15a', '15b'] as const;
export type Practice = (typeof PRACTICES)[number];

/** A criterion is met or not by what the project holds, or the project cannot show it either way. */
export type Status = 'met' | 'not met' | 'not shown by the data';

/** The screen where a criterion's evidence is made (its sidebar name). */
export type CheckScreen = 'Data' | 'Allocate' | 'Scenarios' | 'Staffing' | 'History';

export interface Criterion {
  id: string;
  level: Level;
  /** What the level asks, in the framework's words, shortened. */
  text: string;
  status: Status;
  /** What in the project shows it, with counts and figures; or what is missing. */
  evidence: string;
  screen: CheckScreen;
}

export interface PracticeRating {
  practice: Practice;
  title: string;
  /** The highest level whose computable criteria are all met, with at least one met; null before getting started. */
  level: Level | null;
  criteria: Criterion[];
  /** The next level and what it still needs (its criteria not met or not shown); null at keep improving. */
  next: { level: Level; needs: { text: string; status: Status; evidence: string; screen: CheckScreen }[] } | null;
}

export interface SelfCheck {
  district: string;
  practices: PracticeRating[];
}
