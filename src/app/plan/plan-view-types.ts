/**
 * The written plan as a document, ready to draw: headings, entries and label/value facts, all
 * already in words. The HTML and PDF renderers only lay it out, so both always say the same.
 */
export interface PlanFact {
  label: string;
  value: string;
}

export interface PlanEntry {
  title?: string;
  text?: string;
  facts: PlanFact[];
  items?: string[];
}

export interface PlanSection {
  heading: string;
  entries: PlanEntry[];
  /** Said instead when there are no entries, so an empty section reads as deliberate. */
  empty: string;
}

export interface PlanView {
  /** No personal data: it shows in browser tabs, history and the PDF's properties. */
  title: string;
  /** Said first to the child when the plan is theirs to read. */
  greeting?: string;
  summary: PlanFact[];
  sections: PlanSection[];
  issuedAt: string;
  fileName: string;
}
