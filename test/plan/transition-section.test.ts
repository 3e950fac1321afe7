import { describe, expect, it } from 'vitest';
import { buildPlanView } from '../../src/app/plan/plan-view.js';
import { readyToSubmit } from '../domain/oversight/qa-scenario.js';

const TRANSITION = { type: 'recordTransition', pathway: 'GCSEs then A levels', careersGuidance: 'Careers adviser met in January', post16Options: 'Sixth form or college' };

describe('the transition section in the written plan', () => {
  it('shows once recorded, and not before', () => {
    const s = readyToSubmit(9);
    const headings = () => buildPlanView(s.meeting, { showChildDetails: false }).sections.map((section) => section.heading);
    expect(headings()).not.toContain('Transition');
    s.asOrganiser(TRANSITION);
    const section = buildPlanView(s.meeting, { showChildDetails: false }).sections.find((x) => x.heading === 'Transition');
    expect(section?.entries[0]?.facts).toEqual([
      { label: 'Pathway', value: 'GCSEs then A levels' },
      { label: 'Careers guidance', value: 'Careers adviser met in January' },
      { label: 'Post-16 options', value: 'Sixth form or college' },
    ]);
  });
});
