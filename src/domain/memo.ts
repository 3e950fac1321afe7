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
