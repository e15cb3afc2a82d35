/**
 * The only process signal handlers in pyrelease. The first Ctrl-C (or SIGTERM) asks the engine to
 * stop: the child process ends, the journal is saved. A second one leaves at once.
 */
export function installSignalHandlers(controller: AbortController): () => void {
  let count = 0;
  const onSignal = (): void => {
    count += 1;
    if (count > 1) process.exit(130);
    controller.abort();
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  process.on('SIGHUP', onSignal);
  return () => {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    process.off('SIGHUP', onSignal);
  };
}
