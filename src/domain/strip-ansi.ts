// Terminal escape sequences a child process or a job log may print (ECMA-48):
// - CSI: `ESC [`, parameter bytes 0x30–0x3F, intermediate bytes 0x20–0x2F, one final byte 0x40–0x7E.
//   Colours (`ESC [ 31 m`), cursor moves (`ESC [ 2 A`), private modes (`ESC [ ? 25 l`).
// - OSC: `ESC ]` up to BEL or to ST (`ESC \`), as OSC 8 hyperlinks and window titles are.
// A sequence left unterminated is kept as it is: there is no telling where it would have ended.
// eslint-disable-next-line no-control-regex -- escape sequences are control characters by definition
const ESCAPES = /\u001B\[[0-?]*[ -/]*[@-~]|\u001B\][^\u0007\u001B]*(?:\u0007|\u001B\\)/g;

/** The text without its CSI sequences (colours, cursor moves) and OSC strings (hyperlinks, titles). */
export function stripAnsi(text: string): string {
  return text.replace(ESCAPES, '');
}
