import { describe, expect, it } from 'vitest';
import { negotiateSimpleType } from '../../../src/sandbox/index-server/accept-negotiation';

const JSON_V1 = 'application/vnd.pypi.simple.v1+json';
const HTML_V1 = 'application/vnd.pypi.simple.v1+html';

describe('negotiateSimpleType (PEP 691, warehouse order)', () => {
  it.each([
    ['no header', undefined, 'text/html'],
    ['empty header', '', 'text/html'],
    ['*/*', '*/*', 'text/html'],
    ['JSON only', JSON_V1, JSON_V1],
    ["pip's header", `${JSON_V1}, ${HTML_V1}; q=0.1, text/html; q=0.01`, JSON_V1],
    ['HTML preferred by q', `${JSON_V1};q=0.5, ${HTML_V1}`, HTML_V1],
    ['q=0 refuses an offer', `${JSON_V1};q=0, text/html;q=0.1, */*;q=0.05`, 'text/html'],
    ['a more specific range overrides */*', `*/*;q=0.9, text/html;q=0.1`, HTML_V1],
    ['type wildcard', 'application/*', HTML_V1],
    ['nothing acceptable falls back to HTML', 'image/png', 'text/html'],
    ['garbage', ';;,/,q=x', 'text/html'],
    ['equal q: server order', `${JSON_V1}, text/html`, 'text/html'],
  ])('%s → %s', (_label, accept, expected) => {
    expect(negotiateSimpleType(accept)).toBe(expected);
  });

  it('lets ?format= override the header, ignoring unknown formats', () => {
    expect(negotiateSimpleType('text/html', JSON_V1)).toBe(JSON_V1);
    expect(negotiateSimpleType(JSON_V1, 'application/xml')).toBe(JSON_V1);
  });
});
