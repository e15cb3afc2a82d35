/** `a, b, c, d, e and 3 more`: enough paths to recognize the change without flooding a message. */
export function listPaths(paths: readonly string[], limit = 5): string {
  const shown = paths.slice(0, limit).join(', ');
  return paths.length > limit ? `${shown} and ${paths.length - limit} more` : shown;
}
