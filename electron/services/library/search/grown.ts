type Growable = Uint8Array | Uint16Array | Uint32Array | Int32Array | Float64Array;

/** `array` itself if it holds `needed` elements, else a copy half again as large (or `needed`). */
export function grown<A extends Growable>(array: A, needed: number): A {
  if (needed <= array.length) return array;
  const bigger = new (array.constructor as new (length: number) => A)(Math.max(needed, Math.ceil(array.length * 1.5)));
  bigger.set(array as never);
  return bigger;
}
