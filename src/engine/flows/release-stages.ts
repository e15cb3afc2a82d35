/**
 * The release flow's stages, written once: the plan, `--stop-after`, `--help` and the release
 * summary all read them from here. Kept apart from the steps so the command line can name the
 * stages without loading the engine.
 */
export const RELEASE_STAGES = [
  { id: 'prepare', title: 'Prepare' },
  { id: 'testpypi', title: 'TestPyPI dry run' },
  { id: 'tag', title: 'Tag' },
  { id: 'publish', title: 'Publish to PyPI' },
  { id: 'smoke', title: 'Smoke-test from PyPI' },
  { id: 'finalize', title: 'Finalize' },
] as const;

export type ReleaseStageId = (typeof RELEASE_STAGES)[number]['id'];

/** The stages a flow can be paused after: all but the last. */
export const RELEASE_STOP_AFTER: readonly string[] = RELEASE_STAGES.slice(0, -1).map((stage) => stage.id);
