import { describe, expect, it } from 'vitest';
import { hyperlinkUrls } from '../../src/domain/hyperlinks';

/** What a linked URL must look like: OSC 8 open with the target, the visible URL, OSC 8 close (ST-terminated). */
const link = (url: string) => `\u001B]8;;${url}\u001B\\${url}\u001B]8;;\u001B\\`;

describe('hyperlinkUrls', () => {
  it('wraps an https URL in an OSC 8 hyperlink whose visible text is the URL itself', () => {
    expect(hyperlinkUrls('  PyPI  https://pypi.org/project/quillnote/0.1.1/')).toBe(
      `  PyPI  ${link('https://pypi.org/project/quillnote/0.1.1/')}`,
    );
  });

  it('links plain http URLs too, with ports, queries and fragments', () => {
    expect(hyperlinkUrls('see http://127.0.0.1:8080/simple/quillnote/?a=1&b=2#files')).toBe(
      `see ${link('http://127.0.0.1:8080/simple/quillnote/?a=1&b=2#files')}`,
    );
  });

  it('leaves text without URLs exactly as it is', () => {
    const texts = [
      '',
      'quillnote 0.1.1 is on PyPI.',
      'Time per stage: Prepare 1.2s · Tag 0.3s',
      'ftp://example.com/x and www.example.com are not http(s)',
      'https:// alone',
    ];
    for (const text of texts) expect(hyperlinkUrls(text)).toBe(text);
  });

  it.each([
    ['.', 'Open https://example.com/a.', 'Open ', '.'],
    [',', 'https://example.com/a, then', '', ', then'],
    [';', 'https://example.com/a;', '', ';'],
    [':', 'at https://example.com/a:', 'at ', ':'],
    ['!', 'https://example.com/a!', '', '!'],
    ['?', 'is it https://example.com/a?', 'is it ', '?'],
    [')', '(see https://example.com/a)', '(see ', ')'],
    [']', '[https://example.com/a]', '[', ']'],
    [').', '(https://example.com/a).', '(', ').'],
  ])('keeps trailing "%s" outside the link', (_punctuation, text, before, after) => {
    expect(hyperlinkUrls(text)).toBe(`${before}${link('https://example.com/a')}${after}`);
  });

  it('keeps punctuation inside the URL where it belongs to it', () => {
    expect(hyperlinkUrls('https://example.com/v1.2/a,b?x=1.')).toBe(`${link('https://example.com/v1.2/a,b?x=1')}.`);
  });

  it('stops at whitespace, quotes and angle brackets', () => {
    expect(hyperlinkUrls('"https://example.com/q" <https://example.com/r>')).toBe(
      `"${link('https://example.com/q')}" <${link('https://example.com/r')}>`,
    );
  });

  it('links every URL of a line, each on its own', () => {
    const text =
      'TestPyPI dry run  https://github.com/acme/quillnote/actions/runs/7 (0.1.1rc1), PyPI https://pypi.org/project/quillnote/.';
    expect(hyperlinkUrls(text)).toBe(
      `TestPyPI dry run  ${link('https://github.com/acme/quillnote/actions/runs/7')} (0.1.1rc1), PyPI ${link('https://pypi.org/project/quillnote/')}.`,
    );
  });

  it('is the identity on its visible text: stripping the OSC 8 sequences gives back the input', () => {
    const text = 'a https://a.example/x. b http://b.example/y) c';
    // eslint-disable-next-line no-control-regex
    expect(hyperlinkUrls(text).replace(/\u001B\]8;;[^\u001B]*\u001B\\/g, '')).toBe(text);
  });
});
