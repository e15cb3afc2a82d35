import {
  bodyObject,
  invalidRequest,
  isResponse,
  ok,
  stringField,
  validationFailed,
  type SimRequest,
  type SimResponse,
} from '../http';
import { paginate } from '../pagination';
import type { Route } from '../router';
import { milestoneJson } from '../shapes/releases';
import type { SimMilestone } from '../types';

// Milestones (TECH-FACTS §5.2 "Milestones").

const DOCS = 'https://docs.github.com/rest/issues/milestones';

function list(request: SimRequest): SimResponse {
  const state = request.query.get('state') ?? 'open';
  if (!['open', 'closed', 'all'].includes(state))
    return invalidRequest(
      `${JSON.stringify(state)} is not a member of ["open","closed","all"].`,
      `${DOCS}#list-milestones`,
    );
  // Default order: due date ascending, milestones without one last, then by number.
  const milestones = request.store.milestones
    .filter((milestone) => state === 'all' || milestone.state === state)
    .sort((a, b) => (a.dueOn ?? Infinity) - (b.dueOn ?? Infinity) || a.number - b.number);
  const page = paginate(request, milestones);
  if (isResponse(page)) return page;
  return ok(
    page.items.map((milestone) => milestoneJson(request.store, milestone)),
    200,
    page.headers,
  );
}

function create(request: SimRequest): SimResponse {
  const store = request.store;
  const body = bodyObject(request);
  const fields: Record<string, string | undefined> = {};
  for (const key of ['title', 'state', 'description', 'due_on']) {
    const value = stringField(body, key);
    if (isResponse(value)) return value;
    fields[key] = value;
  }
  const title = fields.title;
  if (title === undefined || title === '')
    return invalidRequest(`"title" wasn't supplied.`, `${DOCS}#create-a-milestone`);
  const state = fields.state ?? 'open';
  if (state !== 'open' && state !== 'closed')
    return invalidRequest(
      `${JSON.stringify(state)} is not a member of ["open","closed"].`,
      `${DOCS}#create-a-milestone`,
    );
  const dueOn = fields.due_on === undefined ? null : Date.parse(fields.due_on);
  if (dueOn !== null && Number.isNaN(dueOn))
    return invalidRequest(`${JSON.stringify(fields.due_on)} is not a valid date-time.`, `${DOCS}#create-a-milestone`);
  if (store.milestones.some((milestone) => milestone.title === title))
    return validationFailed('Milestone', 'already_exists', 'title', `${DOCS}#create-a-milestone`);
  const now = store.now();
  const milestone: SimMilestone = {
    id: store.nextId(),
    number: store.milestones.length + 1,
    title,
    state,
    description: fields.description ?? null,
    dueOn,
    createdAt: now,
    updatedAt: now,
    closedAt: state === 'closed' ? now : null,
    creator: store.config.userLogin,
  };
  store.milestones.push(milestone);
  return ok(milestoneJson(store, milestone), 201, { location: `${store.repoApi}/milestones/${milestone.number}` });
}

export const milestoneRoutes: Route[] = [
  { method: 'GET', template: '/repos/{owner}/{repo}/milestones', handler: list },
  { method: 'POST', template: '/repos/{owner}/{repo}/milestones', handler: create },
];
