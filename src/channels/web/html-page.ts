/** Everything a person typed goes through here before it reaches a page. */
export const escapeHtml = (text: string): string =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');

/**
 * The frame every PEP Bot page shares: English (UK), phone-sized, never indexed, and never telling
 * another site the address it came from (links carry their token in the URL). `head` and `body`
 * are trusted markup: callers escape anything a person typed.
 */
export function htmlPage(options: { title: string; head: string; body: string }): string {
  return `<!doctype html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<meta name="robots" content="noindex, nofollow">
<title>${escapeHtml(options.title)}</title>
${options.head}
</head>
<body>
${options.body}
</body>
</html>
`;
}
