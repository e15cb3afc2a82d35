export type {
  DispatchInput,
  DispatchTrigger,
  FindingId,
  FindingSeverity,
  PushTrigger,
  ReleaseTrigger,
  WorkflowAnalysis,
  WorkflowAnalysisInput,
  WorkflowFinding,
  WorkflowTriggers,
} from './workflow-analysis';
export { analyzeWorkflow } from './analyze-workflow';
export { parseTriggers } from './parse-triggers';
export { startsOnTag } from './starts-on-tag';
export { filterPatternToRegExp, matchesFilters, tagPatternFor } from './filter-pattern';
export { renderPublishWorkflow, type PublishWorkflowOptions } from './render-workflow';
export { tagCheckScript } from './tag-check-script';
export { PYRELEASE_NPX, SET_VERSION_STEP, setVersionScript } from './set-version-script';
export { TESTPYPI_UPLOAD_URL } from './check-publishing';
export {
  trustedPublisherValues,
  type TrustedPublisherField,
  type TrustedPublisherInput,
  type TrustedPublisherValues,
} from './trusted-publisher-values';
