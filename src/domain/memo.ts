/**
 * A pure function's answers, kept by key and forgotten all at once when `capacity` is reached:
 * planning asks the same few date questions for every action of every meeting, and a clear-when-full
 * memo bounds the memory with no bookkeeping on the hot path.
 */
export function boundedMemo<T>(capacity: number): { get(key: string, compute: () => T): T } {
  const answers = new Map<string, T>();
  return {
    get(key, compute) {
      if (answers.has(key)) return answers.get(key) as T;
      const answer = compute();
      if (answers.size >= capacity) answers.clear();
      answers.set(key, answer);
      return answer;
    },
  };
}

/** A map of at most `capacity` entries: setting one more drops the entry read or set least recently. */
export class LastUsed<V> {
  private readonly entries = new Map<string, V>();

  constructor(private readonly capacity: number) {}

  get(key: string): V | undefined {
    const value = this.entries.get(key);
    if (value !== undefined) this.set(key, value);
    return value;
  }

  delete(key: string): void {
    this.entries.delete(key);
  }

  set(key: string, value: V): void {
    // Most recently used last: the first entry is always the one to drop.
    this.entries.delete(key);
    this.entries.set(key, value);
    if (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value!);
  }
}
