/**
 * The last cards drawn, as JSON text keyed by what they were drawn from. Expanding a template and
 * validating its data and the card it gives cost about a millisecond of CPU, and the same card is
 * drawn again and again: a click redraws the card clicked, each person's copy asks to refresh,
 * and the fan-out sends one card to every participant. A card is a pure function of its name, data
 * and options, so an identical request gets a copy of the earlier card. Text, not the object, is
 * kept, so nobody holding a card can change the next one; the oldest entry goes when it is full.
 */
export class RecentRenders {
  private readonly cards = new Map<string, string>();

  constructor(private readonly capacity: number) {}

  /** A fresh copy of the card drawn for `key`, or one drawn now (and kept as `draw` serialised it). */
  draw<T>(key: string, render: () => { value: T; json: string }): T {
    const kept = this.cards.get(key);
    if (kept !== undefined) {
      // Most recently used last: the first entry is always the one to drop.
      this.cards.delete(key);
      this.cards.set(key, kept);
      return JSON.parse(kept) as T;
    }
    const { value, json } = render();
    this.cards.set(key, json);
    if (this.cards.size > this.capacity) this.cards.delete(this.cards.keys().next().value!);
    return value;
  }
}
