import { createRun } from '../control-actions';
import {
  bodyObject,
  errorBody,
  invalidRequest,
  noContent,
  notFound,
  ok,
  type SimRequest,
  type SimResponse,
} from '../http';
import type { Route } from '../router';

// `POST …/actions/workflows/{workflow_id}/dispatches` (TECH-FACTS §5.2 "Dispatch", §4.4).

const DOCS = 'https://docs.github.com/rest/actions/workflows#create-a-workflow-dispatch-event';
const KEYS = ['ref', 'inputs', 'return_run_details'];

/** `main`, `refs/heads/main`, `v1.0.0`, `refs/tags/v1.0.0` → the full ref and its commit; a sha is not a ref. */
function resolveRef(request: SimRequest, ref: string): { full: string; short: string; sha: string } | undefined {
  const store = request.store;
  const candidates = ref.startsWith('refs/') ? [ref] : [`refs/heads/${ref}`, `refs/tags/${ref}`];
  for (const full of candidates) {
    const sha = store.refs.get(full);
    if (sha) return { full, short: full.replace(/^refs\/(heads|tags)\//, ''), sha: store.peel(sha) };
  }
  return undefined;
}

function dispatch(request: SimRequest): SimResponse {
  const store = request.store;
  const workflow = store.workflowByIdOrFile(request.params.workflow_id ?? '');
  if (!workflow) return notFound(DOCS);
  const body = bodyObject(request);
  for (const key of Object.keys(body)) {
    // GHES releases predating the field reject it, which is why clients must fall back (TECH-FACTS §5.2).
    const permitted = KEYS.includes(key) && (key !== 'return_run_details' || store.config.dispatchRunDetails);
    if (!permitted) return invalidRequest(`${JSON.stringify(key)} is not a permitted key.`, DOCS);
  }
  if (typeof body.ref !== 'string' || body.ref === '') return invalidRequest(`"ref" wasn't supplied.`, DOCS);
  const rawInputs = body.inputs ?? {};
  if (typeof rawInputs !== 'object' || rawInputs === null || Array.isArray(rawInputs))
    return invalidRequest(`For 'properties/inputs', ${JSON.stringify(rawInputs)} is not an object.`, DOCS);
  const inputs = Object.fromEntries(Object.entries(rawInputs).map(([key, value]) => [key, String(value)]));
  if (Object.keys(inputs).length > 25)
    return errorBody(422, 'you may only define up to 25 `inputs` for a `workflow_dispatch` event', DOCS);
  if (!workflow.triggers.includes('workflow_dispatch'))
    return errorBody(422, "Workflow does not have 'workflow_dispatch' trigger", DOCS);
  const ref = resolveRef(request, body.ref);
  if (!ref) return errorBody(422, `No ref found for: ${body.ref}`, DOCS);
  const run = createRun(store, {
    workflow: workflow.id,
    event: 'workflow_dispatch',
    headBranch: ref.short,
    headSha: ref.sha,
  });
  store.events.emit('dispatch', { workflow, ref: ref.full, sha: ref.sha, inputs, runId: run.id });
  if (body.return_run_details !== true) return noContent();
  return ok({
    workflow_run_id: run.id,
    run_url: `${store.repoApi}/actions/runs/${run.id}`,
    html_url: `${store.repoHtml}/actions/runs/${run.id}`,
  });
}

export const dispatchRoutes: Route[] = [
  { method: 'POST', template: '/repos/{owner}/{repo}/actions/workflows/{workflow_id}/dispatches', handler: dispatch },
];
