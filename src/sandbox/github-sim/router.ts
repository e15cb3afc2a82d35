import type { Handler } from './http';

export interface Route {
  method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  /** Exactly GitHub's OpenAPI path template: the request log and the schema tests use it. */
  template: string;
  handler: Handler;
  /** A last parameter that may span slashes (`git/ref/{ref}` takes `tags/v1.0.0`). */
  greedy?: string;
  /** Not part of the API: no token, no rate limit (the signed log URLs, the fake web pages). */
  public?: boolean;
}

export interface RouteMatch {
  route: Route;
  params: Record<string, string>;
  /** `{owner}/{repo}` (or `/repositories/{id}`) named another repository: GitHub answers 404. */
  otherRepo: boolean;
}

function decode(segment: string): string | undefined {
  try {
    return decodeURIComponent(segment);
  } catch {
    return undefined;
  }
}

function matchSegments(
  template: string[],
  path: string[],
  greedy: string | undefined,
): Record<string, string> | undefined {
  const params: Record<string, string> = {};
  for (let index = 0; index < template.length; index += 1) {
    const part = template[index] ?? '';
    const name = /^\{(.+)\}$/.exec(part)?.[1];
    const isLast = index === template.length - 1;
    if (name && isLast && name === greedy) {
      const rest = path.slice(index).map(decode);
      if (rest.length === 0 || rest.some((segment) => segment === undefined || segment === '')) return undefined;
      params[name] = rest.join('/');
      return params;
    }
    const segment = path[index];
    if (segment === undefined) return undefined;
    if (name) {
      const value = decode(segment);
      if (value === undefined || value === '') return undefined;
      params[name] = value;
    } else if (part !== segment) {
      return undefined;
    }
  }
  return template.length === path.length ? params : undefined;
}

/**
 * The route table. `{owner}/{repo}` match case-insensitively (GitHub's are not case-sensitive), and
 * every `/repos/{owner}/{repo}/…` route also answers as `/repositories/{id}/…`, the form GitHub
 * uses in `link` headers (TECH-FACTS §5.3), so clients must follow links verbatim.
 */
export class Router {
  private readonly routes: Route[] = [];

  constructor(private readonly repo: { owner: string; repo: string; repoId: number }) {}

  add(...routes: Route[]): void {
    this.routes.push(...routes);
  }

  match(method: string, pathname: string): RouteMatch | undefined {
    const path = pathname.replace(/\/+$/, '').split('/').slice(1);
    for (const route of this.routes) {
      if (route.method !== method) continue;
      const template = route.template.split('/').slice(1);
      const viaId = path[0] === 'repositories' && template[0] === 'repos';
      const params = viaId
        ? matchSegments(['repositories', '{repository_id}', ...template.slice(3)], path, route.greedy)
        : matchSegments(template, path, route.greedy);
      if (!params) continue;
      const otherRepo = viaId
        ? params.repository_id !== String(this.repo.repoId)
        : template[0] === 'repos' &&
          (params.owner?.toLowerCase() !== this.repo.owner.toLowerCase() ||
            params.repo?.toLowerCase() !== this.repo.repo.toLowerCase());
      return { route, params, otherRepo };
    }
    return undefined;
  }
}
