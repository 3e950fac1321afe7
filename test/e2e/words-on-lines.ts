import type { Page } from 'playwright-core';

/**
 * Words the page splits across two lines ("Thurs" / "day"): a column too narrow for its words,
 * which `overflow-wrap: anywhere` hides from any overflow check. Each finding names the word.
 */
export async function wordsBrokenAcrossLines(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const broken: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent ?? '';
      // A break after a hyphen ("PEP-2026-" / "0042") is where text may break.
      for (const word of text.matchAll(/[^\s-]+/g)) {
        const range = document.createRange();
        range.setStart(node, word.index);
        range.setEnd(node, word.index + word[0].length);
        const lines = new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top)));
        if (lines.size > 1) broken.push(word[0]);
      }
    }
    return broken;
  });
}
