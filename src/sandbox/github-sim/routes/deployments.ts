import {
  bodyObject,
  errorBody,
  intParam,
  invalidRequest,
  notFound,
  ok,
  type SimRequest,
  type SimResponse,
} from '../http';
import type { Route } from '../router';
import { deploymentJson, pendingDeploymentJson } from '../shapes/actions';
import type { SimDeployment } from '../types';

// Environment approvals (TECH-FACTS §5.2 "Environment approvals", §4.4: a protected job waits).

const DOCS = 'https://docs.github.com/rest/actions/workflow-runs';

function listPending(request: SimRequest): SimResponse {
  const runId = intParam(request, 'run_id') ?? -1;
  if (!request.store.runs.has(runId)) return notFound(`${DOCS}#get-pending-deployments-for-a-workflow-run`);
  return ok(
    request.store.pendingDeployments
      .filter((pending) => pending.runId === runId)
      .map((pending) => pendingDeploymentJson(request.store, pending)),
  );
}

function review(request: SimRequest): SimResponse {
  const store = request.store;
  const run = store.runs.get(intParam(request, 'run_id') ?? -1);
  if (!run) return notFound(`${DOCS}#review-pending-deployments-for-a-workflow-run`);
  const body = bodyObject(request);
  for (const key of ['environment_ids', 'state', 'comment']) {
    if (body[key] === undefined) return invalidRequest(`${JSON.stringify(key)} wasn't supplied.`);
  }
  const ids = body.environment_ids;
  if (!Array.isArray(ids) || ids.some((id) => !Number.isInteger(id)))
    return invalidRequest(`For 'properties/environment_ids', ${JSON.stringify(ids)} is not an array of integers.`);
  if (body.state !== 'approved' && body.state !== 'rejected')
    return invalidRequest(`${JSON.stringify(body.state)} is not a member of ["approved","rejected"].`);
  if (typeof body.comment !== 'string')
    return invalidRequest(`For 'properties/comment', ${JSON.stringify(body.comment)} is not a string.`);
  const chosen = store.pendingDeployments.filter(
    (pending) => pending.runId === run.id && ids.includes(pending.environmentId),
  );
  if (chosen.length === 0 || chosen.length !== new Set(ids).size)
    return errorBody(
      422,
      'No pending deployment requests to approve or reject',
      `${DOCS}#review-pending-deployments-for-a-workflow-run`,
    );
  // Only the environment's required reviewers may answer (TECH-FACTS §5.2).
  if (chosen.some((pending) => !pending.currentUserCanApprove)) {
    return errorBody(
      422,
      'The current user is not a required reviewer for this environment',
      `${DOCS}#review-pending-deployments-for-a-workflow-run`,
    );
  }
  for (const pending of chosen) store.pendingDeployments.splice(store.pendingDeployments.indexOf(pending), 1);
  const deployments: SimDeployment[] = chosen.map((pending) => ({
    id: store.nextId(),
    runId: run.id,
    environment: pending.environment,
    sha: run.headSha,
    ref: run.headBranch ?? run.headSha,
    createdAt: store.now(),
    creator: store.config.userLogin,
  }));
  store.deployments.push(...deployments);
  store.events.emit('deployment-reviewed', {
    runId: run.id,
    environments: chosen.map((pending) => pending.environment),
    state: body.state,
    comment: body.comment,
  });
  return ok(deployments.map((deployment) => deploymentJson(store, deployment)));
}

export const deploymentRoutes: Route[] = [
  { method: 'GET', template: '/repos/{owner}/{repo}/actions/runs/{run_id}/pending_deployments', handler: listPending },
  { method: 'POST', template: '/repos/{owner}/{repo}/actions/runs/{run_id}/pending_deployments', handler: review },
];
