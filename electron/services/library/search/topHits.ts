/** The `limit` best `docs` by score (ties: the most recently indexed first). Reorders `docs`. */
export function topHits(docs: Uint32Array, score: Float64Array, limit: number): Uint32Array {
  const order = (a: number, b: number): number => score[b]! - score[a]! || b - a;
  if (docs.length <= limit) return docs.sort(order);
  // A heap of the best `limit` so far, worst on top: O(n log limit) for a common word.
  const heap = new Uint32Array(limit);
  let size = 0;
  const siftDown = (from: number): void => {
    for (let i = from; ; ) {
      const l = 2 * i + 1;
      let worst = i;
      if (l < size && order(heap[worst]!, heap[l]!) < 0) worst = l;
      if (l + 1 < size && order(heap[worst]!, heap[l + 1]!) < 0) worst = l + 1;
      if (worst === i) return;
      [heap[i], heap[worst]] = [heap[worst]!, heap[i]!];
      i = worst;
    }
  };
  for (const doc of docs) {
    if (size < limit) {
      heap[size++] = doc;
      if (size === limit) for (let i = (limit >> 1) - 1; i >= 0; i--) siftDown(i);
    } else if (order(doc, heap[0]!) < 0) {
      heap[0] = doc;
      siftDown(0);
    }
  }
  return heap.sort(order);
}
