import { findTemplate } from '../templates/template-registry';
import { checkReferrer } from './referrer.rule';
import type { ServiceLine } from './referral.types';

const lineOf = (template: Parameters<typeof findTemplate>[0]) => findTemplate(template).definition.serviceLines[0] as ServiceLine;

describe('who may refer to a service line', () => {
  it('the OOCR line takes Leicestershire Police and refuses a member of the public, quoting the seed', () => {
    expect(checkReferrer(lineOf('oocr'), 'police')).toBeNull();
    expect(checkReferrer(lineOf('oocr'), 'other')).toEqual({
      code: 'referrer-not-allowed',
      reason: expect.stringMatching(
        /^This service line takes referrals only from Leicestershire Police only \(police\), not from a referrer of type "other"\. The rule: The service will exclusively receive referrals from Leicestershire Police\. \(seeds\/003_/,
      ),
    });
  });

  it('SEND takes the family or the local authority, pre-CMH the local authority or Cafcass, and neither takes a court', () => {
    expect([checkReferrer(lineOf('send'), 'parent-or-young-person'), checkReferrer(lineOf('send'), 'local-authority')]).toEqual([null, null]);
    expect([checkReferrer(lineOf('pre-cmh'), 'cafcass'), checkReferrer(lineOf('pre-cmh'), 'local-authority')]).toEqual([null, null]);
    expect(checkReferrer(lineOf('send'), 'court')?.code).toBe('referrer-not-allowed');
    expect(checkReferrer(lineOf('pre-cmh'), 'court')?.code).toBe('referrer-not-allowed');
  });

  it('a line that says who may refer needs to be told who does: a 400 naming referrerType with who it takes', () => {
    expect(() => checkReferrer(lineOf('housing-asb'), undefined)).toThrow(
      expect.objectContaining({
        problem: expect.objectContaining({
          status: 400,
          errors: [expect.objectContaining({ field: 'referrerType', message: expect.stringContaining('An authorised officer of the Council') })],
        }),
      }),
    );
  });

  it('a line naming no referrers takes anyone, told or not', () => {
    const open = { ...lineOf('housing-asb'), referrers: [] };
    expect([checkReferrer(open, undefined), checkReferrer(open, 'other')]).toEqual([null, null]);
  });
});
