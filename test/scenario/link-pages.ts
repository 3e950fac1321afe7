/**
 * What a secure link opens on a person's phone, read and answered over HTTP exactly as the page's
 * script (src/channels/web/assets/card-page.js) does: the card from the page's JSON, and a press
 * sent as { verb, data, inputs } with every input the card takes, empty ones too.
 */
type CardNode = Record<string, unknown>;
export interface LinkPage {
  status: number;
  card: CardNode;
  /** Every word the card shows, headings, facts and button titles included. */
  text: string;
}

function walk(node: unknown, visit: (n: CardNode) => void): void {
  if (Array.isArray(node)) node.forEach((child) => walk(child, visit));
  else if (node && typeof node === 'object') {
    visit(node as CardNode);
    Object.values(node).forEach((child) => walk(child, visit));
  }
}

function cardWords(card: CardNode): string {
  const found: string[] = [];
  walk(card, (n) => {
    if (n.type === 'TextBlock' || n.type === 'TextRun') found.push(String(n.text));
    if (typeof n.title === 'string') found.push(n.title);
    if (n.title !== undefined && typeof n.value === 'string') found.push(n.value);
  });
  return found.join('\n');
}

export async function openLink(url: string): Promise<LinkPage> {
  const response = await fetch(url);
  const html = await response.text();
  const json = /<script type="application\/json" id="pep-card-json">([\s\S]*?)<\/script>/.exec(html)?.[1];
  const card = json ? (JSON.parse(json) as CardNode) : {};
  return { status: response.status, card, text: cardWords(card) };
}

/** Opens the page, fills in `typed`, and presses the button titled `title`; the reply's card. */
export async function pressOnLinkPage(url: string, title: string, typed: Record<string, string> = {}): Promise<LinkPage> {
  const page = await openLink(url);
  let action: CardNode | undefined;
  const inputs: Record<string, string> = {};
  walk(page.card, (n) => {
    if (n.type === 'Action.Execute' && n.title === title) action = n;
    if (typeof n.type === 'string' && n.type.startsWith('Input.') && typeof n.id === 'string') inputs[n.id] = typed[n.id] ?? '';
  });
  if (!action) throw new Error(`no "${title}" button on the page:\n${page.text}`);
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify({ verb: action.verb, data: action.data ?? {}, inputs }),
  });
  const card = ((await response.json()) as { card: CardNode }).card;
  return { status: response.status, card, text: cardWords(card) };
}
