/** One change to what the project supports, between the last tag's pyproject.toml and today's. */
export interface SupportChange {
  readonly kind: 'requires-python' | 'dependency' | 'classifier';
  /** A sentence for the user (and for the Compatibility section of the release notes). */
  readonly description: string;
  /** As written at the last tag; undefined when the thing was added. */
  readonly before?: string;
  /** As written now; undefined when the thing was removed. */
  readonly after?: string;
}
