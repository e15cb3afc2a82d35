import type { SupportChange } from './support-change';

/**
 * SUPPORT_MATRIX.md deserves a look when support changed since the last tag but the matrix file
 * did not: the seeds' "Update SUPPORT_MATRIX.md if backend/version windows changed".
 */
export function matrixNeedsReview(changes: readonly SupportChange[], matrixChanged: boolean): boolean {
  return changes.length > 0 && !matrixChanged;
}
