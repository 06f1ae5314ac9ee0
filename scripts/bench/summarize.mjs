/**
 * Median and nearest-rank p95 of a list of samples. Nearest rank keeps every figure a value
 * that was measured: with 7 runs p95 is the slowest run, which is what a reader should see.
 */
export function summarize(samples) {
  const sorted = [...samples].sort((a, b) => a - b);
  const n = sorted.length;
  if (n === 0) return { n: 0, median: NaN, p95: NaN, min: NaN, max: NaN };
  const mid = Math.floor(n / 2);
  const median = n % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  const p95 = sorted[Math.min(n - 1, Math.ceil(0.95 * n) - 1)];
  return { n, median, p95, min: sorted[0], max: sorted[n - 1] };
}
