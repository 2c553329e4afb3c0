import type { Basis, ComplaintsPolicy } from '@mediation/protocol';

/** The seed documents the templates are drawn from (the buyers' own procurement documents). */
export const SEED = {
  possession: 'seeds/000_3c45bba0126cf62f.txt (MoJ, Possession Mediation Services Pilot, Contracts Finder tender notice)',
  housing: 'seeds/001_30b7c3579f607fdc.txt (Appendix A – Service Specification, Housing Mediation Services)',
  preCmh: 'seeds/002_da8c8fe3395b5535.txt (DfE, Pre-Case Management Hearing Meeting Pilot Delivery Partner, Find a Tender notice)',
  oocr: 'seeds/003_c11889512548fb7a.txt (OPCC Leicestershire, Out of Court Resolution, Find a Tender notice with OCDS record)',
  send: 'seeds/004_83a180e6a70e5ae6.txt (Warwickshire County Council Cabinet, 6 March 2025, Procurement of SEND Mediation Services)',
  sendRegs: 'The Special Educational Needs and Disability Regulations 2014 (SI 2014/1530), Part 2, cross-heading "Mediation"',
  sendCode: 'SEND Code of Practice: 0 to 25 years (DfE/DHSC, January 2015), chapter 11 "Resolving disagreements", mediation',
} as const;

export const contractual = (document: string, section: string, text: string): Basis => ({ kind: 'contractual', text, source: { document, section } });
export const legal = (document: string, section: string, text: string, note?: string): Basis => ({
  kind: 'legal',
  text,
  source: { document, section, ...(note ? { note } : {}) },
});
export const guidance = (document: string, section: string, text: string, note?: string): Basis => ({
  kind: 'guidance',
  text,
  source: { document, section, ...(note ? { note } : {}) },
});
/** A rule the documents need but do not quantify: the provider's own practice, saying which document leaves it open. */
export const practice = (document: string, section: string, text: string): Basis => ({
  kind: 'provider-practice',
  text,
  source: { document, section, note: 'Not set by the source; a default for the provider to confirm with the buyer.' },
});

/** The provider's own complaints standard where the buyer's documents set none: acknowledged in 5 working days, answered in 20 working days from receipt. */
export const providerComplaints = (document: string, section: string, tellReferrer: boolean, why: string): ComplaintsPolicy => ({
  acknowledgeWithin: { days: 5, dayKind: 'working' },
  respondWithin: { days: 20, dayKind: 'working', from: 'received' },
  tellReferrer,
  basis: practice(
    document,
    section,
    `The source sets no complaints process or timescales, so the provider's own procedure applies: acknowledged within 5 working days and answered within 20 working days of receipt. ${why}`,
  ),
});

export const WEEKDAYS_9_TO_5 = {
  monday: [{ open: '09:00', close: '17:00' }],
  tuesday: [{ open: '09:00', close: '17:00' }],
  wednesday: [{ open: '09:00', close: '17:00' }],
  thursday: [{ open: '09:00', close: '17:00' }],
  friday: [{ open: '09:00', close: '17:00' }],
  saturday: [],
  sunday: [],
};
