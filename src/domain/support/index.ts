// Public API of the support domain: what changed in requires-python, dependencies and classifiers.
export type { SupportChange } from './support-change';
export { compareSupport } from './compare-support';
export { minimumBumpFor, minimumBumpReason } from './minimum-bump-for';
export { matrixNeedsReview } from './matrix-needs-review';
export { floorsDiffer, pythonFloor, type PythonFloor } from './python-floor';
export { parseRequirement, type Requirement } from './parse-requirement';
export { normalizeSpecifiers } from './normalize-specifiers';
