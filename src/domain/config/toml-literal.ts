/** A value written as TOML: strings as basic strings, arrays inline. For examples and `init`. */
export function tomlLiteral(value: string | number | boolean | readonly (string | number | boolean)[]): string {
  if (Array.isArray(value)) return `[${value.map((item: string | number | boolean) => tomlLiteral(item)).join(', ')}]`;
  // JSON's string escapes (\" \\ \n \uXXXX…) are all valid in TOML basic strings.
  if (typeof value === 'string') return JSON.stringify(value);
  return String(value);
}
