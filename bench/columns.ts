/**
 * The load generator's records, kept in typed arrays (ADR 0057): numbers in a typed array are neither objects
 * for V8's collector to mark nor garbage to promote, so what the fleet records in a window does not bring on the
 * major GCs that paused it in the middle of its measurement (up to 65 ms of pauses in a 2-s slice, in exactly the
 * slices whose p99 failed).
 */

/** Numbers appended in fixed chunks: no copy when it grows, and nothing to mark. */
export class NumberLog {
  private static readonly CHUNK = 1 << 16;
  private chunks: Float64Array[] = [];
  private n = 0;

  get length(): number {
    return this.n;
  }

  push(value: number): void {
    const at = this.n % NumberLog.CHUNK;
    if (at === 0) this.chunks.push(new Float64Array(NumberLog.CHUNK));
    const chunk = this.chunks[this.chunks.length - 1];
    if (chunk) chunk[at] = value;
    this.n++;
  }

  /** The i-th number appended (NaN outside 0..length-1). */
  at(i: number): number {
    if (i < 0 || i >= this.n) return Number.NaN;
    return this.chunks[Math.floor(i / NumberLog.CHUNK)]?.[i % NumberLog.CHUNK] ?? Number.NaN;
  }

  /** The numbers as one sorted typed array (for percentiles). */
  sorted(): Float64Array {
    const out = new Float64Array(this.n);
    this.chunks.forEach((chunk, k) =>
      out.set(
        chunk.subarray(0, Math.min(NumberLog.CHUNK, this.n - k * NumberLog.CHUNK)),
        k * NumberLog.CHUNK,
      ),
    );
    return out.sort();
  }
}

/** Growable typed storage indexed by a meeting's seq (seqs are small and dense: 1, 2, 3, ...). */
function grown<T extends Float64Array | Uint8Array | Int32Array>(
  array: T,
  index: number,
  make: (n: number) => T,
  fill?: number,
): T {
  if (index < array.length) return array;
  const next = make(Math.max(64, array.length * 2, index + 1));
  if (fill !== undefined) next.fill(fill);
  next.set(array);
  return next;
}

/** Which seqs a client holds: one byte per seq instead of a `Set` entry per seq. */
export class SeqSet {
  private bits = new Uint8Array(0);
  private count = 0;

  get size(): number {
    return this.count;
  }

  has(seq: number): boolean {
    return seq >= 0 && seq < this.bits.length && this.bits[seq] === 1;
  }

  add(seq: number): void {
    if (!Number.isInteger(seq) || seq < 0 || this.has(seq)) return;
    this.bits = grown(this.bits, seq, (n) => new Uint8Array(n));
    this.bits[seq] = 1;
    this.count++;
  }
}

/** seq -> (send time, sender client index) for the commands of one meeting sent in the measured window. */
export class SentTimes {
  private time = new Float64Array(0);
  private sender = new Int32Array(0);

  set(seq: number, at: number, client: number): void {
    if (!Number.isInteger(seq) || seq < 0) return;
    this.time = grown(this.time, seq, (n) => new Float64Array(n), Number.NaN);
    this.sender = grown(this.sender, seq, (n) => new Int32Array(n), -1);
    this.time[seq] = at;
    this.sender[seq] = client;
  }

  /** When the command that made `seq` was sent, and by which client; null if it was not sent in the window. */
  get(seq: number): { at: number; client: number } | null {
    const at = seq >= 0 && seq < this.time.length ? (this.time[seq] ?? Number.NaN) : Number.NaN;
    return Number.isNaN(at) ? null : { at, client: this.sender[seq] ?? -1 };
  }

  clear(): void {
    this.time.fill(Number.NaN);
    this.sender.fill(-1);
  }
}
