/** Term frequencies per field within one document, in a small hash table reused between documents. */
export class TermCounter {
  private slots = new Int32Array(2048); // term + 1; 0 is empty
  private counts = new Uint32Array(2048 * 3);
  private used: number[] = [];

  count(term: number, field: number): void {
    const mask = this.slots.length - 1;
    let slot = Math.imul(term, 0x9e3779b1) & mask;
    while (this.slots[slot] !== 0 && this.slots[slot] !== term + 1) slot = (slot + 1) & mask;
    if (this.slots[slot] === 0) {
      this.slots[slot] = term + 1;
      this.used.push(slot);
    }
    this.counts[slot * 3 + field]!++;
    if (this.used.length * 2 > this.slots.length) this.resize();
  }

  /** Hands out each counted term with its posting payload, then empties the counter. */
  drain(emit: (term: number, payload: number) => void): void {
    for (const slot of this.used) {
      const c = slot * 3;
      // Term frequency in title (2 bits), ingress (2 bits) and body (4 bits), each capped.
      emit(this.slots[slot]! - 1, (Math.min(this.counts[c]!, 3) << 6) | (Math.min(this.counts[c + 1]!, 3) << 4) | Math.min(this.counts[c + 2]!, 15));
      this.slots[slot] = 0;
      this.counts[c] = this.counts[c + 1] = this.counts[c + 2] = 0;
    }
    this.used = [];
  }

  private resize(): void {
    const { slots, counts, used } = this;
    this.slots = new Int32Array(slots.length * 2);
    this.counts = new Uint32Array(this.slots.length * 3);
    this.used = [];
    for (const old of used) {
      const term = slots[old]! - 1;
      for (let field = 0; field < 3; field++) {
        const times = counts[old * 3 + field]!;
        for (let k = 0; k < times; k++) this.count(term, field);
      }
    }
  }
}
