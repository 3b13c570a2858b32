/** A problem found while loading or validating a project, with where to fix it. */
export interface Problem {
  severity: 'error' | 'warning';
  /** The table (TABLES kind) the problem is in, or 'project' for whole-project problems. */
  table: string;
  file?: string;
  sheet?: string;
  /** 1-based spreadsheet row number. */
  row?: number;
  column?: string;
  value?: string;
  message: string;
}
