/** A content problem located in a file the author edits (1-based line and column). */
export type Severity = 'error' | 'warning';

export interface Place {
  line: number;
  column: number;
}

export interface Message {
  /** Path as shown to the user, e.g. `content/x/brief.md`. */
  file: string;
  place?: Place;
  severity: Severity;
  ruleId: string;
  reason: string;
}
