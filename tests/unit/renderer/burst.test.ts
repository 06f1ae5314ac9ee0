import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { burst } from '../../../renderer/src/lib/burst';

describe('burst', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('runs once, quietMs after the last of a few quick pokes', () => {
    const fire = vi.fn();
    const b = burst(fire, 250, 1000);
    b.poke();
    vi.advanceTimersByTime(100);
    b.poke();
    vi.advanceTimersByTime(249);
    expect(fire).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(fire).toHaveBeenCalledTimes(1);
  });

  it('a steady stream of pokes still runs within maxWaitMs of the first, then again for the rest', () => {
    const fire = vi.fn();
    const b = burst(fire, 250, 1000);
    for (let t = 0; t < 3000; t += 100) {
      b.poke();
      vi.advanceTimersByTime(100);
    }
    // 0..1000 ms, 1000..2000 ms, 2000..3000 ms: one run for each second of the stream.
    expect(fire).toHaveBeenCalledTimes(3);
    vi.advanceTimersByTime(250);
    expect(fire).toHaveBeenCalledTimes(3);
  });

  it('cancel drops what was waiting', () => {
    const fire = vi.fn();
    const b = burst(fire, 250, 1000);
    b.poke();
    b.cancel();
    vi.advanceTimersByTime(5000);
    expect(fire).not.toHaveBeenCalled();
  });
});
