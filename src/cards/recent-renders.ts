import { LastUsed } from '../domain/memo.js';

/**
 * The last cards drawn, as JSON text keyed by what they were drawn from. Expanding a template and
 * validating its data and the card it gives cost about a millisecond of CPU, and the same card is
 * drawn again and again: a click redraws the card clicked, each person's copy asks to refresh,
 * and the fan-out sends one card to every participant. A card is a pure function of its name, data
 * and options, so an identical request gets a copy of the earlier card. Text, not the object, is
 * kept, so nobody holding a card can change the next one; the oldest entry goes when it is full.
 */
export class RecentRenders {
  private readonly cards: LastUsed<string>;

  constructor(capacity: number) {
    this.cards = new LastUsed(capacity);
  }

  /** A fresh copy of the card drawn for `key`, or one drawn now (and kept as `draw` serialised it). */
  draw<T>(key: string, render: () => { value: T; json: string }): T {
    const kept = this.cards.get(key);
    if (kept !== undefined) return JSON.parse(kept) as T;
    const { value, json } = render();
    this.cards.set(key, json);
    return value;
  }
}
