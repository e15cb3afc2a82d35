/*
 * Content negotiation for the simple API (PEP 691; TECH-FACTS §3.3). Like warehouse (webob's
 * `acceptable_offers`): each offer takes the q-value of the most specific media range that matches
 * it, offers with q = 0 are out, the highest q wins and ties go to the server's order. With no
 * Accept header, or nothing acceptable, PyPI answers HTML rather than 406.
 */

export const SIMPLE_HTML = 'text/html';
export const SIMPLE_V1_HTML = 'application/vnd.pypi.simple.v1+html';
export const SIMPLE_V1_JSON = 'application/vnd.pypi.simple.v1+json';

/** Server preference order (warehouse `_VALID_CONTENT_TYPES`). */
export const SIMPLE_OFFERS = [SIMPLE_HTML, SIMPLE_V1_HTML, SIMPLE_V1_JSON] as const;
export type SimpleContentType = (typeof SIMPLE_OFFERS)[number];

interface MediaRange {
  type: string;
  subtype: string;
  q: number;
}

function parseAccept(header: string): MediaRange[] {
  const ranges: MediaRange[] = [];
  for (const item of header.split(',')) {
    const [media = '', ...params] = item.split(';').map((part) => part.trim());
    const [type, subtype] = media.toLowerCase().split('/');
    if (!type || !subtype) continue;
    const qParam = params.find((param) => /^q\s*=/i.test(param));
    const q = qParam === undefined ? 1 : Number(qParam.replace(/^q\s*=\s*/i, ''));
    if (Number.isFinite(q)) ranges.push({ type, subtype, q: Math.min(Math.max(q, 0), 1) });
  }
  return ranges;
}

/** How well a range matches an offer: 3 exact, 2 `type/*`, 1 `*\/*`, 0 not at all. */
function specificity(range: MediaRange, offer: string): number {
  const [type, subtype] = offer.split('/');
  if (range.type === type && range.subtype === subtype) return 3;
  if (range.type === type && range.subtype === '*') return 2;
  if (range.type === '*' && range.subtype === '*') return 1;
  return 0;
}

export function negotiateSimpleType(accept: string | undefined, format?: string | null): SimpleContentType {
  // PEP 691's optional `?format=` query parameter overrides the header when it names an offer.
  const forced = SIMPLE_OFFERS.find((offer) => offer === format);
  if (forced) return forced;
  if (!accept) return SIMPLE_HTML;
  const ranges = parseAccept(accept);
  let best: { offer: SimpleContentType; q: number } | undefined;
  for (const offer of SIMPLE_OFFERS) {
    let match: { level: number; q: number } | undefined;
    for (const range of ranges) {
      const level = specificity(range, offer);
      if (level > (match?.level ?? 0)) match = { level, q: range.q };
    }
    if (match && match.q > 0 && match.q > (best?.q ?? 0)) best = { offer, q: match.q };
  }
  return best?.offer ?? SIMPLE_HTML;
}
