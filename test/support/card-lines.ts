/**
 * Every line of text a person reads on an Adaptive Card, in reading order: text blocks and facts
 * as "title: value"; with `buttonTitles`, button and choice titles too. What buttons carry
 * (`data`) and what a card falls back to are not shown, so they are not read.
 */
export function cardLines(content: unknown, options: { buttonTitles?: boolean } = {}): string[] {
  const lines: string[] = [];
  const walk = (value: unknown): void => {
    if (Array.isArray(value)) return value.forEach(walk);
    if (!value || typeof value !== 'object') return;
    const node = value as Record<string, unknown>;
    if (typeof node.text === 'string') lines.push(node.text);
    if (typeof node.title === 'string') {
      if (typeof node.value === 'string') lines.push(`${node.title}: ${node.value}`);
      else if (options.buttonTitles) lines.push(node.title);
    }
    for (const [key, child] of Object.entries(node)) if (key !== 'data' && key !== 'fallback') walk(child);
  };
  walk(content);
  return lines;
}
