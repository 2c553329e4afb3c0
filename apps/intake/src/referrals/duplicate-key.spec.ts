import { duplicateKey } from './duplicate-key';

const form = {
  fields: [
    { key: 'propertyAddress', label: 'Address', type: 'text' as const, required: false, sensitivity: 'none' as const },
    { key: 'postcode', label: 'Postcode', type: 'postcode' as const, required: false, sensitivity: 'none' as const },
  ],
} as never;
const parties = [
  { role: 'complainant' as const, name: 'Ann Resident' },
  { role: 'respondent' as const, name: 'Ben Neighbour' },
];

describe('the parties-and-address key of a referral', () => {
  it('is the same whatever the order, case and spacing of names and postcode', () => {
    const a = duplicateKey(parties, { postcode: 'SW1A 1AA' }, form);
    const b = duplicateKey(
      [
        { role: 'respondent', name: 'ben  NEIGHBOUR' },
        { role: 'complainant', name: 'Ann Resident' },
      ],
      { postcode: 'sw1a1aa' },
      form,
    );
    expect(a).not.toBeNull();
    expect(a).toBe(b);
  });

  it('differs when the place differs', () => {
    expect(duplicateKey(parties, { postcode: 'SW1A 1AA' }, form)).not.toBe(duplicateKey(parties, { postcode: 'E1 6AN' }, form));
  });

  it('uses the address when no postcode was given', () => {
    expect(duplicateKey(parties, { propertyAddress: '1 High Street' }, form)).toBe(duplicateKey(parties, { propertyAddress: '1 high street' }, form));
  });

  it('is null without a postcode or address, so names alone never match', () => {
    expect(duplicateKey(parties, {}, form)).toBeNull();
  });
});
