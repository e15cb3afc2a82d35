import type { SimRequest, SimResponse } from '../http';
import type { Route } from '../router';

/** Placeholder pages behind every `html_url`, so a link printed in the demo opens something honest. */
function page(request: SimRequest): SimResponse {
  const path = (request.params.path ?? '').replace(/[<>&"]/g, '');
  return {
    status: 200,
    contentType: 'text/html; charset=utf-8',
    text:
      `<!doctype html><title>pyrelease sandbox</title><p>This is the pyrelease ` +
      `sandbox. On GitHub this link would open ` +
      `<code>https://github.com/${path}</code>.</p>\n`,
  };
}

export const webRoutes: Route[] = [
  { method: 'GET', template: '/_web/{path}', handler: page, greedy: 'path', public: true },
];
