import { invalidRequest, type SimRequest, type SimResponse } from './http';

export interface Page<T> {
  items: T[];
  /** The `link` header, absent when everything fits on one page (TECH-FACTS §5.3). */
  headers: Record<string, string>;
}

/**
 * Pages a list the way GitHub does: `per_page` (default 30, at most 100) and `page` (from 1), and
 * a `link` header with `prev`, `next`, `last` and `first` whose URLs keep every other query
 * parameter and use the `/repositories/{id}/…` form.
 */
export function paginate<T>(request: SimRequest, items: T[], defaultPerPage = 30): Page<T> | SimResponse {
  const perPageText = request.query.get('per_page');
  const pageText = request.query.get('page');
  if (perPageText !== null && !/^\d+$/.test(perPageText)) return invalidRequest(`"per_page" must be an integer.`);
  if (pageText !== null && !/^\d+$/.test(pageText)) return invalidRequest(`"page" must be an integer.`);
  const perPage = Math.min(Math.max(Number(perPageText ?? defaultPerPage) || defaultPerPage, 1), 100);
  const page = Math.max(Number(pageText ?? 1) || 1, 1);
  const last = Math.max(Math.ceil(items.length / perPage), 1);
  const pageItems = items.slice((page - 1) * perPage, page * perPage);
  if (last === 1) return { items: pageItems, headers: {} };
  const store = request.store;
  const rest = request.route.split('/').slice(4);
  const base = `${store.config.url}/repositories/${store.config.repoId}/${rest.map((part) => fill(part, request.params)).join('/')}`;
  const link = (target: number, rel: string) => {
    const query = new URLSearchParams(request.query);
    query.set('per_page', String(perPage));
    query.set('page', String(target));
    return `<${base}?${query.toString()}>; rel="${rel}"`;
  };
  const parts: string[] = [];
  if (page > 1) parts.push(link(Math.min(page - 1, last), 'prev'));
  if (page < last) parts.push(link(page + 1, 'next'), link(last, 'last'));
  if (page > 1) parts.push(link(1, 'first'));
  return { items: pageItems, headers: { link: parts.join(', ') } };
}

function fill(part: string, params: Record<string, string>): string {
  const name = /^\{(.+)\}$/.exec(part)?.[1];
  if (!name) return part;
  return (params[name] ?? '').split('/').map(encodeURIComponent).join('/');
}
