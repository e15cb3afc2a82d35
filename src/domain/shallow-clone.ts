/**
 * What turns a shallow clone into a full one: the rest of the history and every tag. The release stops
 * with it (`preflight.shallow`) and doctor names it (`git.shallow`); neither runs it for the user.
 */
export const UNSHALLOW_COMMAND = 'git fetch --unshallow --tags';
