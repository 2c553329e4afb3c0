import { contactAnswers, dateAnswers, splitAnswers } from './answer-split';

const form = {
  fields: [
    { key: 'hearingDate', label: 'Hearing', type: 'date' as const, required: false, sensitivity: 'none' as const },
    { key: 'offenceDate', label: 'Offence date', type: 'date' as const, required: false, sensitivity: 'criminal-offence' as const },
    { key: 'needs', label: 'Needs', type: 'longtext' as const, required: false, sensitivity: 'special-category' as const },
  ],
} as never;

describe('answers at rest', () => {
  it('special-category and criminal-offence answers are set apart for sealing', () => {
    expect(splitAnswers({ hearingDate: '2027-02-01', offenceDate: '2026-10-01', needs: 'autism' }, form)).toEqual({
      open: { hearingDate: '2027-02-01' },
      sensitive: { offenceDate: '2026-10-01', needs: 'autism' },
    });
  });

  it('without a form every answer is sealed', () => {
    expect(splitAnswers({ anything: 'x' }, undefined)).toEqual({ open: {}, sensitive: { anything: 'x' } });
  });

  it('only non-sensitive date answers travel on the event for the deadline rules', () => {
    expect(dateAnswers({ hearingDate: '2027-02-01', offenceDate: '2026-10-01' }, form)).toEqual({ hearingDate: '2027-02-01' });
  });

  it('only the yes/no answers the line’s contact permissions read travel on the event, as flags; an unanswered one is absent', () => {
    const line = { partyContact: { messages: [], permissions: [{ field: 'victimContactAllowed', roles: ['victim' as const], basis: {} as never }] } };
    expect(contactAnswers({ victimContactAllowed: false, healthNeeds: 'x', other: true }, line)).toEqual({ victimContactAllowed: false });
    expect(contactAnswers({ healthNeeds: 'x' }, line)).toEqual({});
    expect(contactAnswers({ victimContactAllowed: true }, {})).toEqual({});
  });
});
