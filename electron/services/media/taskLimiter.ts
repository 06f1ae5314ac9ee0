/**
 * Runs at most `limit` tasks at a time and queues the rest in order. Ten 24-megapixel photos
 * dropped at once then hold two decoded images in memory, not ten.
 */
export class TaskLimiter {
  #running = 0;
  readonly #waiting: (() => void)[] = [];

  constructor(private readonly limit: number) {
    if (!Number.isInteger(limit) || limit < 1) throw new Error(`TaskLimiter: bad limit ${limit}`);
  }

  get pending(): number {
    return this.#running + this.#waiting.length;
  }

  async run<T>(task: () => Promise<T>): Promise<T> {
    if (this.#running >= this.limit) await new Promise<void>((resolve) => this.#waiting.push(resolve));
    this.#running++;
    try {
      return await task();
    } finally {
      this.#running--;
      this.#waiting.shift()?.();
    }
  }
}
