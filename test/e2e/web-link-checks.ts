import axe from 'axe-core';
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

/** The WCAG 2.2 A and AA rules, and axe's best practices (landmarks, one main heading, regions). */
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];

/**
 * axe-core run inside the page as it stands, one line per violation and element. The source goes
 * in through the debugging protocol, which the page's own Content-Security-Policy does not govern.
 */
export async function axeViolations(page: Page): Promise<string[]> {
  await page.evaluate(axe.source);
  const found = await page.evaluate(async (tags) => {
    const run = (window as unknown as { axe: typeof axe }).axe.run;
    const results = await run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
    return results.violations.map((v) => ({ id: v.id, help: v.help, targets: v.nodes.map((n) => `${n.target.join(' ')} ${n.failureSummary ?? ''}`.replace(/\s+/g, ' ')) }));
  }, AXE_TAGS);
  return found.flatMap((v) => v.targets.map((t) => `${v.id} (${v.help}): ${t}`));
}

/**
 * Presses Tab from the top of the page until focus leaves the controls, and reports every stop
 * whose focus ring does not show, every visible control never reached, and any stop reached out
 * of reading order (document order, which is the order the card draws them).
 */
export async function keyboardProblems(page: Page): Promise<string[]> {
  const problems: string[] = [];
  const controls = 'input:not([type="hidden"]), textarea, select, button, a[href], [role="button"], [tabindex]:not([tabindex="-1"])';
  const expected = await page.evaluate((selector) => {
    document.querySelectorAll('[data-tab-check]').forEach((el) => el.removeAttribute('data-tab-check'));
    // Tab starts from the top of the page, whatever was pressed last.
    const start = document.createElement('span');
    start.tabIndex = -1;
    document.body.prepend(start);
    start.focus();
    start.addEventListener('blur', () => start.remove(), { once: true });
    const all = [...document.querySelectorAll<HTMLElement>(selector)].filter((el) => el.getClientRects().length > 0 && !(el as HTMLInputElement).disabled);
    all.forEach((el, i) => el.setAttribute('data-tab-check', String(i)));
    return all.length;
  }, controls);
  const reached: number[] = [];
  for (let presses = 0; presses < expected * 2 + 5; presses++) {
    await page.keyboard.press('Tab');
    const stop = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      if (!el || el === document.body) return undefined;
      const style = getComputedStyle(el);
      // Focus on a date field's own calendar button (inside the field, so the field is not :focus)
      // is ringed by card-page.css's ::-webkit-calendar-picker-indicator rule, which no script can read.
      const calendarButton = el instanceof HTMLInputElement && el.type === 'date' && !el.matches(':focus');
      return { index: el.getAttribute('data-tab-check'), ring: calendarButton || (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2), what: `${el.tagName.toLowerCase()}${el.getAttribute("type") ? `[${el.getAttribute("type")}]` : ""} "${el.getAttribute('aria-label') ?? el.textContent?.trim().slice(0, 30) ?? ''}"` };
    });
    if (!stop) break;
    if (!stop.ring) problems.push(`no visible focus on ${stop.what}`);
    if (stop.index === null) continue;
    const index = Number(stop.index);
    // A date input takes several Tab presses, one per part of the date.
    if (index === reached.at(-1)) continue;
    // Back at a control already reached: focus has gone round the page.
    if (reached.includes(index)) break;
    if (reached.length > 0 && index < reached.at(-1)!) problems.push(`${stop.what} reached out of order`);
    reached.push(index);
  }
  const missed = await page.evaluate((seen) => {
    const out: string[] = [];
    for (const el of document.querySelectorAll<HTMLElement>('[data-tab-check]')) {
      const index = Number(el.getAttribute('data-tab-check'));
      if (seen.includes(index)) continue;
      // A radio group is one Tab stop (the chosen radio, or the first): arrow keys move within it.
      const group = el instanceof HTMLInputElement && el.type === 'radio' ? [...document.querySelectorAll(`input[type="radio"][name="${el.name}"]`)] : [];
      if (group.some((radio) => seen.includes(Number(radio.getAttribute('data-tab-check'))))) continue;
      out.push(`${el.tagName.toLowerCase()} "${el.getAttribute('aria-label') ?? el.textContent?.trim().slice(0, 30) ?? ''}" never reached with Tab`);
    }
    return out;
  }, reached);
  return [...problems, ...missed];
}
