/**
 * A port whose adapter is built on first use (after the token or the configuration is known),
 * so building it can fail inside the step that needs it, with that step's message. Every
 * method of a port is async, which is what makes this forwarding possible.
 */
export function lazyPort<T extends object>(build: () => Promise<T>): T {
  let built: Promise<T> | undefined;
  const target = () => (built ??= build());
  return new Proxy({} as T, {
    get(_target, property) {
      if (property === 'then') return undefined;
      return async (...args: unknown[]) => {
        const port = await target();
        const member = (port as Record<PropertyKey, unknown>)[property];
        if (typeof member !== 'function') throw new TypeError(`${String(property)} is not a method of this port`);
        return (member as (...values: unknown[]) => unknown).apply(port, args);
      };
    },
  });
}
