import { pathToFileURL } from 'node:url';
import type { Figure } from './figure.js';
import type { Comparison } from './support/ab.js';
import { alternate, latencyFigure, timing } from './support/ab.js';
import { printFigures } from './support/print.js';
import { slackActionCapture, slackCommand, teamsHelp, teamsRsvpClicks } from './support/scenarios.js';
import type { Stage } from './support/stage.js';
import { startStage } from './support/stage.js';

/**
 * How fast PEP Bot answers Slack and Teams under a fixed arrival rate, beside the bare framework
 * doing the least it can (bench/bare/): Slack's ack of `/pep help`, Teams' reply to "help", and
 * real writes (RSVP clicks on Teams invitation cards, actions captured with `/pep action`).
 * Each figure is the median round's p99; the note holds every round, errors and time-outs.
 */
const comparisons = (stage: Stage): Comparison[] => [
  { figure: 'Slack /pep help ack, p99 at 100 req/s', rate: 100, bare: stage.bolt, requests: (s) => slackCommand(s, 'help') },
  { figure: 'Slack /pep help ack, p99 at 200 req/s', rate: 200, bare: stage.bolt, requests: (s) => slackCommand(s, 'help') },
  { figure: 'Teams "help" message, p99 at 200 req/s', rate: 200, bare: stage.botbuilder, requests: teamsHelp },
  { figure: 'Teams Action.Execute RSVP (a write), p99 at 100 req/s', rate: 100, bare: stage.botbuilder, requests: teamsRsvpClicks },
  { figure: 'Teams Action.Execute RSVP (a write), p99 at 200 req/s', rate: 200, bare: stage.botbuilder, requests: teamsRsvpClicks },
  // Last: every action grows the one meeting, so this run leaves PEP Bot with more data than it started with.
  { figure: 'Slack /pep action (a write) ack, p99 at 20 req/s', rate: 20, bare: stage.bolt, requests: slackActionCapture },
];

/** What PEP Bot acknowledged of each kind of write, and the figures that carried them. */
interface Writes {
  acknowledged: number;
  figures: Figure[];
}

/**
 * A 200 alone does not prove a write (an error card is a 200 too), so once PEP Bot has stopped
 * the store is read: every acknowledged RSVP click must have saved a version of its meeting, and
 * every acknowledged `/pep action` must have added an action. A shortfall fails the figure.
 */
async function checkWrites(stage: Stage, rsvps: Writes, actions: Writes): Promise<void> {
  const stored = await stage.afterwards(async (store) => {
    const teamsMeetings = await Promise.all(stage.teamsMeetingIds.map((id) => store.getMeeting(id)));
    const slackMeeting = await store.getMeeting(stage.slackMeetingId);
    return {
      rsvps: teamsMeetings.reduce((total, meeting) => total + (meeting ? meeting.version - 1 : 0), 0),
      actions: slackMeeting?.actions.length ?? 0,
    };
  });
  const check = (writes: Writes, saved: number, what: string) => {
    for (const figure of writes.figures) {
      figure.note = `${figure.note}; ${what}: ${saved} saved for ${writes.acknowledged} acknowledged`;
      if (saved < writes.acknowledged) figure.met = false;
    }
  };
  check(rsvps, stored.rsvps, 'RSVP clicks on the 100 seeded meetings, all figures together');
  check(actions, stored.actions, 'actions captured');
}

export async function run({ quick, only = '' }: { quick: boolean; only?: string }): Promise<Figure[]> {
  const stage = await startStage();
  try {
    const figures: Figure[] = [];
    const rsvps: Writes = { acknowledged: 0, figures: [] };
    const actions: Writes = { acknowledged: 0, figures: [] };
    for (const comparison of comparisons(stage).filter((c) => c.figure.toLowerCase().includes(only.toLowerCase()))) {
      const sides = await alternate(stage, comparison, timing(quick));
      const figure = latencyFigure(comparison, sides);
      console.log(`  ${figure.figure}: PEP Bot ${figure.pepBot} ms, bare ${figure.baseline} ms (${figure.ratio}×)`);
      figures.push(figure);
      const writes = comparison.requests === teamsRsvpClicks ? rsvps : comparison.requests === slackActionCapture ? actions : undefined;
      if (!writes) continue;
      writes.acknowledged += sides.pepAll.reduce((total, r) => total + r.ok, 0);
      writes.figures.push(figure);
    }
    await checkWrites(stage, rsvps, actions);
    return figures;
  } finally {
    await stage.close();
  }
}

// Run alone, words after the flags pick figures by name: `npm run bench:ack -- --quick "pep action"`.
if (import.meta.url === pathToFileURL(process.argv[1]!).href) {
  printFigures(await run({ quick: process.argv.includes('--quick'), only: process.argv.slice(2).find((arg) => !arg.startsWith('--')) }));
}
