export interface Burst {
  /** Something changed: run once the changes quiet down, or when the wait runs out. */
  poke(): void;
  cancel(): void;
}

/**
 * Runs `fire` once per burst of pokes: `quietMs` after the last poke, but never later than
 * `maxWaitMs` after the first, so a steady stream of pokes cannot put it off for ever.
 */
export function burst(fire: () => void, quietMs: number, maxWaitMs: number): Burst {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let firstAt: number | null = null;
  const run = () => {
    timer = undefined;
    firstAt = null;
    fire();
  };
  return {
    poke() {
      const now = Date.now();
      firstAt ??= now;
      clearTimeout(timer);
      timer = setTimeout(run, Math.max(0, Math.min(quietMs, firstAt + maxWaitMs - now)));
    },
    cancel() {
      clearTimeout(timer);
      timer = undefined;
      firstAt = null;
    },
  };
}
