/** Where one profile's load stands: the `progress` route's answer (shared by the server and the page). */
export interface LoadProgress {
  readonly state: 'loading' | 'loaded' | 'failed';
  /** The profile's file, relative to the log root. */
  readonly file: string;
  /** Bytes of the file the parser has taken, of `total`. */
  readonly bytes: number;
  readonly total: number;
  readonly error?: string;
}
