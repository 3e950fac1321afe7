/* global document, window, fetch, AdaptiveCards */
// Shows the card embedded in the page with the adaptivecards library and sends each button press
// to the server as JSON: { verb, data, inputs }. A file of its own, never inline, so the page runs
// under a Content-Security-Policy of default-src 'self'.
(function () {
  'use strict';

  const readJson = (id) => JSON.parse(document.getElementById(id).textContent);
  const config = readJson('pep-page-config');
  const formHost = document.getElementById('pep-card');
  const replyHost = document.getElementById('pep-reply');
  // Text colours that keep WCAG 2.2 AA contrast (4.5:1 and more) on every container style: the
  // library's defaults put red text on a pink "attention" background at 3.4:1.
  const text = { default: '#201F1E', subtle: '#545352' };
  const foregroundColors = {
    default: text,
    dark: text,
    light: { default: '#545352', subtle: '#545352' },
    accent: { default: '#005A9E', subtle: '#005A9E' },
    good: { default: '#0B6A0B', subtle: '#0B6A0B' },
    warning: { default: '#7A4F01', subtle: '#7A4F01' },
    attention: { default: '#A4262C', subtle: '#A4262C' },
  };
  const style = (backgroundColor) => ({ backgroundColor, foregroundColors });
  const hostConfig = new AdaptiveCards.HostConfig({
    fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif',
    containerStyles: {
      default: style('#FFFFFF'),
      emphasis: style('#F3F2F1'),
      accent: style('#DEECF9'),
      good: style('#DFF6DD'),
      warning: style('#FFF4CE'),
      attention: style('#FDE7E9'),
    },
    // Buttons sit in a row that wraps (card-page.css), and a title too long for a phone wraps
    // inside its button: the library's default squeezes them to "A…", "D…". Spacing comes from
    // the stylesheet's gap, which also works between rows. Six actions, as Teams allows.
    // The card's heading sits under the page's own h1.
    textBlock: { headingLevel: 2 },
    actions: { actionsOrientation: 'horizontal', actionAlignment: 'left', buttonSpacing: 0, allowTitleToWrap: true, maxActions: 6 },
  });
  let sending = false;

  // Card text is plain text, as in the Slack rendering: leaving markdown unprocessed means
  // nothing a person typed can become HTML, and the library stops warning that it is off.
  AdaptiveCards.AdaptiveCard.onProcessMarkdown = (_text, result) => {
    result.didProcess = false;
  };

  function show(cardJson, host) {
    const card = new AdaptiveCards.AdaptiveCard();
    card.hostConfig = hostConfig;
    card.onExecuteAction = onAction;
    card.parse(cardJson);
    host.replaceChildren(card.render());
  }

  function notice(text, role) {
    const p = document.createElement('p');
    p.className = 'pep-notice';
    p.setAttribute('role', role);
    p.textContent = text;
    replyHost.replaceChildren(p);
    replyHost.focus();
  }

  // The action's own data, and every input it takes (empty ones too, as the chat clients do).
  function payloadOf(action) {
    const inputs = {};
    for (const input of Object.values(action.getReferencedInputs() || {})) {
      if (input.id) inputs[input.id] = input.isSet() ? String(input.value) : '';
    }
    return { verb: action.verb || '', data: action.toJSON().data || {}, inputs };
  }

  async function readReply(response) {
    const type = response.headers.get('content-type') || '';
    if (!type.includes('application/json')) throw new Error(`Unexpected reply: HTTP ${response.status} ${type}`);
    const reply = await response.json();
    if (!reply || typeof reply.card !== 'object') throw new Error(`Reply without a card: HTTP ${response.status}`);
    return reply;
  }

  async function send(payload) {
    sending = true;
    document.body.classList.add('pep-busy');
    formHost.setAttribute('aria-busy', 'true');
    try {
      const response = await fetch(config.postUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json' },
        body: JSON.stringify(payload),
        credentials: 'same-origin',
      });
      const reply = await readReply(response);
      if (response.ok) {
        // Done: the confirmation takes the form's place.
        replyHost.replaceChildren();
        show(reply.card, formHost);
        formHost.focus();
      } else {
        // Refused: the error card goes above the form, which keeps everything typed.
        show(reply.card, replyHost);
        replyHost.focus();
      }
    } catch (error) {
      console.error('PEP Bot: the answer could not be sent.', error);
      notice('We could not send your answer. What you typed is still here: please try again in a moment.', 'alert');
    } finally {
      sending = false;
      document.body.classList.remove('pep-busy');
      formHost.removeAttribute('aria-busy');
    }
  }

  function onAction(action) {
    if (action instanceof AdaptiveCards.OpenUrlAction) {
      window.open(action.url, '_blank', 'noopener,noreferrer');
      return;
    }
    if (!(action instanceof AdaptiveCards.ExecuteAction) || sending) return;
    const payload = payloadOf(action);
    if (!config.postUrl) {
      notice(`Preview only. This button would send:\n${JSON.stringify(payload, null, 2)}`, 'status');
      return;
    }
    void send(payload);
  }

  show(readJson('pep-card-json'), formHost);
})();
