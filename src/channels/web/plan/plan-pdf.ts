import PDFDocument from 'pdfkit';
import type { PlanEntry, PlanFact, PlanSection, PlanView } from '../../../app/plan/plan-view-types.js';
import type { FontStyle, PlanFaces } from './pdf-fonts.js';
import { planFaces } from './pdf-fonts.js';
import { textRuns } from './pdf-text.js';

/**
 * The written plan as an A4 PDF, drawn with pdfkit from the same view as the HTML page. Text only
 * (no scripts, no forms, no links), in embedded Unicode fonts so every name prints as typed (see
 * pdf-fonts.ts and pdf-text.ts).
 */

type Doc = InstanceType<typeof PDFDocument>;
type TextOptions = PDFKit.Mixins.TextOptions;

const MARGIN = 56;
const ACCENT = '#1d4f91';
const INK = '#1b1b1b';
/** A heading this close to the bottom moves to the next page with what it introduces. */
const KEEP_WITH_NEXT = 90;

/**
 * Writes text run by run, each in the face that has its glyphs, as one paragraph. A position, when
 * given, goes with the first run only: the rest continue from where it ends.
 */
function write(doc: Doc, text: string, style: FontStyle, options: TextOptions = {}, at?: { x: number; y: number }): Doc {
  const runs = textRuns(text, style, planFaces());
  runs.forEach((run, i) => {
    const last = i === runs.length - 1;
    doc.font(run.face.name);
    const runOptions = { ...options, continued: last ? options.continued : true };
    if (i === 0 && at) doc.text(run.text, at.x, at.y, runOptions);
    else doc.text(run.text, runOptions);
  });
  return doc;
}

function facts(doc: Doc, list: PlanFact[]): void {
  for (const fact of list) {
    doc.fontSize(10);
    write(doc, `${fact.label}: `, 'bold', { continued: true });
    write(doc, fact.value, 'regular');
    doc.moveDown(0.15);
  }
}

function entry(doc: Doc, item: PlanEntry): void {
  if (item.title) write(doc.fontSize(11), item.title, 'bold').moveDown(0.2);
  if (item.text) write(doc.fontSize(10), item.text, 'regular').moveDown(0.2);
  for (const line of item.items ?? []) write(doc.fontSize(10), `•  ${line}`, 'regular', { indent: 8 });
  facts(doc, item.facts);
  doc.moveDown(0.5);
}

function section(doc: Doc, part: PlanSection): void {
  if (doc.y > doc.page.height - doc.page.margins.bottom - KEEP_WITH_NEXT) doc.addPage();
  write(doc.moveDown(0.6).fontSize(13).fillColor(ACCENT), part.heading, 'bold').fillColor(INK).moveDown(0.3);
  if (part.entries.length === 0) write(doc.fontSize(10), part.empty, 'italic').moveDown(0.5);
  for (const item of part.entries) entry(doc, item);
}

function registerFaces(doc: Doc, faces: PlanFaces): void {
  for (const face of [...Object.values(faces.primary), ...faces.fallbacks]) doc.registerFont(face.name, face.file);
}

/** "Page 2 of 5" under every page, written once all pages exist. */
function footers(doc: Doc, view: PlanView): void {
  const { start, count } = doc.bufferedPageRange();
  for (let i = start; i < start + count; i++) {
    doc.switchToPage(i);
    const bottom = doc.page.margins.bottom;
    // Writing below the bottom margin would otherwise start a new page.
    doc.page.margins.bottom = 0;
    doc.fontSize(8).fillColor('#555555');
    write(doc, `${view.title}  ·  page ${i - start + 1} of ${count}`, 'regular', { width: doc.page.width - 2 * MARGIN, align: 'center' }, { x: MARGIN, y: doc.page.height - MARGIN / 2 - 8 });
    doc.page.margins.bottom = bottom;
  }
}

export function renderPlanPdf(view: PlanView): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margin: MARGIN,
    bufferPages: true,
    lang: 'en-GB',
    displayTitle: true,
    // Dated by the plan, not the request, so the same version always gives the same document.
    info: { Title: view.title, Author: 'PEP Bot', Subject: 'Personal Education Plan', CreationDate: new Date(view.issuedAt) },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  registerFaces(doc, planFaces());
  write(doc.fillColor(INK).fontSize(18), view.title, 'bold').moveDown(0.5);
  if (view.greeting) write(doc.fontSize(12), view.greeting, 'regular').moveDown(0.5);
  facts(doc, view.summary);
  for (const part of view.sections) section(doc, part);
  footers(doc, view);
  doc.end();
  return done;
}
