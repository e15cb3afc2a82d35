import { describe, expect, it } from 'vitest';
import { stripAnsi } from '../../src/domain/strip-ansi';
import { hyperlinkUrls } from '../../src/domain/hyperlinks';

const ESC = '\u001B';
const BEL = '\u0007';
const ST = `${ESC}\\`;

describe('stripAnsi', () => {
  it.each([
    ['plain text', 'Uploading acme-1.0.tar.gz [100%] 2/2', 'Uploading acme-1.0.tar.gz [100%] 2/2'],
    ['empty text', '', ''],
    ['a colour and its reset', `${ESC}[32mok${ESC}[0m`, 'ok'],
    ['the short reset', `${ESC}[mdone`, 'done'],
    ['bold 256-colour', `${ESC}[1;38;5;208mwarn${ESC}[22;39m`, 'warn'],
    ['truecolour', `${ESC}[38;2;255;0;0mred${ESC}[39m`, 'red'],
    ['cursor up and erase line', `${ESC}[2A${ESC}[2Kprogress`, 'progress'],
    ['cursor position', `${ESC}[10;20Hhere`, 'here'],
    ['cursor column and erase to end', `${ESC}[1G${ESC}[Kline`, 'line'],
    ['private mode (hide and show the cursor)', `${ESC}[?25lspin${ESC}[?25h`, 'spin'],
    ['an intermediate byte (cursor style)', `${ESC}[2 qtext`, 'text'],
    ['OSC 8 hyperlink ended by BEL', `${ESC}]8;;https://pypi.org${BEL}pypi${ESC}]8;;${BEL}`, 'pypi'],
    ['OSC 8 hyperlink ended by ESC \\', `${ESC}]8;;https://pypi.org${ST}pypi${ESC}]8;;${ST}`, 'pypi'],
    ['OSC 8 hyperlink with parameters', `${ESC}]8;id=1;https://x.test/a?b=c${ST}link${ESC}]8;;${ST}`, 'link'],
    ['a window title', `${ESC}]0;pyrelease${BEL}title`, 'title'],
    ['colours inside a hyperlink', `${ESC}]8;;https://x.test${ST}${ESC}[4mx${ESC}[24m${ESC}]8;;${ST}`, 'x'],
    ['sequences between words', `a${ESC}[31mb${ESC}[0mc${ESC}]8;;u${BEL}d`, 'abcd'],
    ['a carriage return is not an escape', 'a\rb', 'a\rb'],
    ['a lone ESC', `${ESC}x`, `${ESC}x`],
    ['an unterminated CSI', `${ESC}[31`, `${ESC}[31`],
    ['an unterminated OSC', `${ESC}]8;;https://x.test`, `${ESC}]8;;https://x.test`],
  ])('%s', (_name, input, expected) => {
    expect(stripAnsi(input)).toBe(expected);
  });

  it('undoes hyperlinkUrls', () => {
    const text = 'See https://pypi.org/project/acme/1.0/ and https://github.com/o/r/releases.';
    expect(stripAnsi(hyperlinkUrls(text))).toBe(text);
  });
});
