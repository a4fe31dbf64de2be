/** The training half of the averaged perceptrons (entity tagger, attribution tagger): one learner for both scripts. */
import { Interner } from '../src/claims/tagger/perceptron.js';

/** Feature dictionary grown while reading, with counts for pruning. */
export class Dictionary extends Interner {
  readonly counts: number[] = [];
  override id(name: string): number {
    const id = super.id(name);
    if (id === this.counts.length) this.counts.push(0);
    return id;
  }
}

/** Averaged perceptron with lazy averaging (weights, running totals and the step each was last touched) over `labels` labels. */
export class Perceptron {
  w = new Float64Array(0);
  total = new Float64Array(0);
  stamp = new Float64Array(0);
  step = 0;
  constructor(
    readonly dict: Dictionary,
    private readonly labels: number,
  ) {}
  private grow(): void {
    const need = this.dict.names.length * this.labels;
    if (need <= this.w.length) return;
    const size = Math.max(need, this.w.length * 2);
    for (const key of ['w', 'total', 'stamp'] as const) {
      const next = new Float64Array(size);
      next.set(this[key]);
      this[key] = next;
    }
  }
  score(ids: Iterable<number>, out: Float64Array): void {
    this.grow();
    out.fill(0);
    const nl = this.labels;
    for (const id of ids) {
      if (id < 0) continue;
      const base = id * nl;
      for (let l = 0; l < nl; l++) out[l] += this.w[base + l];
    }
  }
  update(ids: Iterable<number>, label: number, delta: number): void {
    for (const id of ids) {
      if (id < 0) continue;
      const k = id * this.labels + label;
      this.total[k] += (this.step - this.stamp[k]) * this.w[k];
      this.stamp[k] = this.step;
      this.w[k] += delta;
    }
  }
  /** The averaged weights. */
  averaged(): Float64Array {
    const out = new Float64Array(this.dict.names.length * this.labels);
    for (let k = 0; k < out.length; k++) out[k] = (this.total[k] + (this.step - this.stamp[k]) * this.w[k]) / Math.max(1, this.step);
    return out;
  }
}
