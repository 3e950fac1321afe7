import type { Page } from 'playwright-core';

/**
 * WCAG 2.2 AA checks for what the page controls, run in the browser on the rendered page:
 * text contrast (1.4.3) against the colour actually behind it, and the boundaries of inputs and
 * buttons (1.4.11). No axe-core here, so the rules are written out; each finding names the element.
 */
export async function contrastProblems(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const channel = (value: number) => {
      const c = value / 255;
      return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    };
    const rgba = (css: string): number[] => (css.match(/[\d.]+/g) ?? ['0', '0', '0', '0']).map(Number).concat([1]).slice(0, 4);
    const luminance = ([r = 0, g = 0, b = 0]: number[]) => 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
    const ratio = (a: number[], b: number[]) => {
      const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
      return (hi! + 0.05) / (lo! + 0.05);
    };
    /** The first opaque background at or above the element: the page's own is light grey. */
    const background = (start: Element | null): number[] => {
      for (let el = start; el; el = el.parentElement) {
        const colour = rgba(getComputedStyle(el).backgroundColor);
        if (colour[3]! > 0.5) return colour;
      }
      return [255, 255, 255, 1];
    };
    const visible = (el: Element) => {
      const box = el.getBoundingClientRect();
      const style = getComputedStyle(el);
      return box.width > 0 && box.height > 0 && style.visibility !== 'hidden' && style.display !== 'none';
    };
    const problems: string[] = [];
    const describe = (el: Element) => `${el.tagName.toLowerCase()}.${[...el.classList].join('.')} "${(el.textContent ?? '').trim().slice(0, 40)}"`;
    for (const el of document.querySelectorAll('body *')) {
      const ownText = [...el.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && n.textContent!.trim() !== '');
      if (!ownText || !visible(el)) continue;
      const style = getComputedStyle(el);
      const size = parseFloat(style.fontSize);
      const large = size >= 24 || (size >= 18.66 && Number(style.fontWeight) >= 700);
      const found = ratio(rgba(style.color), background(el));
      if (found < (large ? 3 : 4.5)) problems.push(`text ${describe(el)}: ${found.toFixed(2)}:1`);
    }
    for (const el of document.querySelectorAll('.ac-input.ac-textInput, .ac-input.ac-numberInput, .ac-input.ac-dateInput, .ac-pushButton')) {
      if (!visible(el)) continue;
      const border = rgba(getComputedStyle(el).borderTopColor);
      const found = ratio(border, background(el.parentElement));
      if (found < 3) problems.push(`boundary of ${describe(el)}: ${found.toFixed(2)}:1`);
    }
    return problems;
  });
}

/** Whether the focused element shows a focus indicator a keyboard user can see. */
export async function focusIsVisible(page: Page): Promise<boolean> {
  return page.evaluate(() => {
    const el = document.activeElement;
    if (!el || el === document.body) return false;
    const style = getComputedStyle(el);
    return style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2;
  });
}

/**
 * Every visible button whose label a person cannot read in full: cut off by its box (scrollWidth
 * wider than clientWidth, on the button or anything inside it) or drawn as anything other than
 * its title. An empty list means every label shows whole.
 */
export async function clippedButtons(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const problems: string[] = [];
    for (const button of document.querySelectorAll<HTMLElement>('button, [role="button"], a.ac-pushButton')) {
      const box = button.getBoundingClientRect();
      if (box.width === 0 || box.height === 0) continue;
      const title = button.getAttribute('aria-label') ?? button.title ?? '';
      const shown = button.innerText.replace(/\s+/g, ' ').trim();
      if (title && shown !== title) problems.push(`"${title}" shows as "${shown}"`);
      for (const el of [button, ...button.querySelectorAll<HTMLElement>('*')]) {
        if (el.scrollWidth > el.clientWidth) problems.push(`"${title || shown}" is cut off: ${el.scrollWidth}px of text in ${el.clientWidth}px`);
      }
      if (box.right > document.documentElement.clientWidth || box.left < 0) problems.push(`"${title || shown}" runs off the page`);
    }
    return problems;
  });
}
