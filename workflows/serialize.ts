/**
 * Runs async sections one at a time, in arrival order. Updates and timers interleave at every `await`;
 * decide → append → evolve must not, or two commands could both be decided against the same state and
 * both append at the same expected version. Deterministic: a plain promise chain, no timers.
 */
export function createSerializer(): <T>(section: () => Promise<T>) => Promise<T> {
  let tail: Promise<unknown> = Promise.resolve();
  return <T>(section: () => Promise<T>): Promise<T> => {
    const run = tail.then(section, section);
    tail = run.catch(() => undefined);
    return run;
  };
}
