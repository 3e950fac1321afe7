/**
 * The answers to the two pre-meeting prompts in words, by the value the card sends: the choice
 * titles of cards/carer-prompt.json and cards/child-voice-prompt.json (the faces without the emoji).
 * test/cards/prompt-labels.test.ts keeps them in step with the cards.
 */

export const MOOD_LABELS: Readonly<Record<number, string>> = { 5: 'Very good', 4: 'Good', 3: 'Okay', 2: 'Not so good', 1: 'Difficult' };

export const FEELING_LABELS: Readonly<Record<number, string>> = { 5: 'Great', 4: 'Good', 3: 'Okay', 2: 'Not good', 1: 'Bad' };

/** A scale value in words; a value outside the scale (a future card) shows as its number. */
export const scaleLabel = (labels: Readonly<Record<number, string>>, value: number): string => labels[value] ?? String(value);
