/**
 * Why `name` cannot be a git branch or tag name, or `undefined` when it can. A subset of
 * `git check-ref-format` rules: the ones a typo or a copied shell command would break.
 */
export function refNameProblem(name: string): string | undefined {
  if (name === '') return 'a non-empty name';
  // eslint-disable-next-line no-control-regex -- control characters are exactly what git refuses
  if (/[\s\x00-\x1f\x7f~^:?*[\\]/.test(name)) return 'a git ref name without spaces or any of ~ ^ : ? * [ \\';
  if (name.includes('..') || name.includes('@{') || name.includes('//'))
    return 'a git ref name without "..", "@{" or "//"';
  if (/^[-/.]|[/.]$|\.lock$/.test(name) || name === '@')
    return 'a git ref name that does not start with "-", "/" or "." nor end with "/", "." or ".lock"';
  return undefined;
}
