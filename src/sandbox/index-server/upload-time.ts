/*
 * PyPI's time formats. Its timestamps carry microseconds; ours are milliseconds padded to six
 * digits so clients that parse PyPI's exact shape parse ours.
 */

/** `2024-11-06T22:37:09.220617Z` (JSON `upload_time_iso_8601`, simple JSON `upload-time`). */
export function isoMicros(ms: number): string {
  return new Date(ms).toISOString().replace(/\.(\d{3})Z$/, '.$1000Z');
}

/** `2024-11-06T22:37:09` (JSON `upload_time`: no fraction, no zone). */
export function isoSeconds(ms: number): string {
  return new Date(ms).toISOString().slice(0, 19);
}
