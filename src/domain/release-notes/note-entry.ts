/** One change in a release: a merged pull request, or a commit when the API could not list them. */
export interface NoteEntry {
  /** As written by its author, conventional-commit prefix included (`feat(cli): add --json`). */
  readonly title: string;
  /** Pull request number, when known. */
  readonly number?: number;
  /** GitHub login without the `@`. */
  readonly author?: string;
  /** Link to the pull request. */
  readonly url?: string;
  /** Pull request labels, or the category GitHub filed the entry under (see parse-generated-notes). */
  readonly labels: readonly string[];
}

/** The sections of a release note draft, after the seeds' "features, fixes, perf impact, compatibility". */
export type SectionId = 'features' | 'fixes' | 'performance' | 'compatibility' | 'migration' | 'other';
