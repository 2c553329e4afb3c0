import { ServiceLineSchema, type ServiceLine } from '@mediation/protocol';
import { HOUSING_ASB_TEMPLATE } from '../templates/housing-asb.template';
import { OOCR_TEMPLATE } from '../templates/oocr.template';
import { POSSESSION_TEMPLATE } from '../templates/possession.template';
import { PRE_CMH_TEMPLATE } from '../templates/pre-cmh.template';
import { SEND_TEMPLATE } from '../templates/send.template';
import { checkConsent, foldName } from './consent.rule';
import type { ConsentGiven, ReferralPartyInput } from './referral.types';

const ruleOf = (template: { definition: { serviceLines: readonly unknown[] } }): ServiceLine['consent'] =>
  ServiceLineSchema.parse(template.definition.serviceLines[0]).consent;
const housing = ruleOf(HOUSING_ASB_TEMPLATE);
const possession = ruleOf(POSSESSION_TEMPLATE);
const send = ruleOf(SEND_TEMPLATE);
const oocr = ruleOf(OOCR_TEMPLATE);
const preCmh = ruleOf(PRE_CMH_TEMPLATE);

const party = (role: ReferralPartyInput['role'], name: string): ReferralPartyInput => ({ role, name });
const given = (givenBy: string, relationship: string, extra: Partial<ConsentGiven> = {}): ConsentGiven => ({
  givenBy,
  relationship,
  givenAt: '2027-05-20T10:00:00Z',
  method: 'verbal',
  recordedBy: 'Officer Pat',
  ...extra,
});
const refusal = (check: ReturnType<typeof checkConsent>) => (check.ok ? null : check.reason);

const resident = party('complainant', 'Ann Resident');
const neighbour = party('respondent', 'Ben Neighbour');

describe('consent to a referral, checked by who gave it', () => {
  describe('housing-asb: the resident referred consents to the Council (spec §5.1)', () => {
    it('with no consent recorded, the referral is refused naming the resident and quoting the rule', () => {
      const reason = refusal(checkConsent(housing, undefined, [resident, neighbour]));
      expect(reason).toMatch(
        /^consent is missing from Ann Resident \(complainant\): it must be given by the service user to the Council and recorded in `consent`\./,
      );
      expect(reason).toContain('The rule: Service users give their consent to the Council for the case to be referred to mediation. (seeds/001');
      expect(reason).toContain('§5.1)');
    });

    it('the complainant’s consent is enough; the neighbour complained about need not consent to the referral', () => {
      expect(checkConsent(housing, [given('Ann Resident', 'tenant')], [resident, neighbour])).toEqual({ ok: true });
    });

    it('a tenant named as such counts as the resident referred', () => {
      expect(checkConsent(housing, [given('Cal Tenant', 'tenant')], [party('tenant', 'Cal Tenant'), neighbour])).toEqual({ ok: true });
    });

    it('consent from the neighbour, or from someone not on the referral, does not stand in for the resident’s', () => {
      expect(refusal(checkConsent(housing, [given('Ben Neighbour', 'neighbour')], [resident, neighbour]))).toMatch(
        /^consent is missing from Ann Resident \(complainant\): it must be given by the service user to the Council\. The rule/,
      );
      expect(refusal(checkConsent(housing, [given('Someone Else', 'tenant')], [resident, neighbour]))).toMatch(
        /^consent is missing from Ann Resident \(complainant\)/,
      );
    });

    it('where two residents are referred, either one’s consent lets the referral in; neither names both', () => {
      const both = [resident, party('complainant', 'Dee Resident'), neighbour];
      expect(checkConsent(housing, [given('Dee Resident', 'tenant')], both)).toEqual({ ok: true });
      expect(refusal(checkConsent(housing, [given('Ben Neighbour', 'tenant')], both))).toMatch(
        /^consent is missing from Ann Resident \(complainant\) or Dee Resident \(complainant\):/,
      );
    });

    it('a referral naming no complainant or tenant cannot carry the service user’s consent, and says so', () => {
      expect(refusal(checkConsent(housing, [given('Ben Neighbour', 'tenant')], [neighbour]))).toMatch(
        /^consent is missing from the service user, as no party is a complainant or tenant:/,
      );
    });

    it('names match whatever the case, spacing and punctuation', () => {
      expect(checkConsent(housing, [given('  ann   RESIDENT ', 'tenant')], [resident])).toEqual({ ok: true });
      expect(checkConsent(housing, [given('Mary Jane O’Brien', 'tenant')], [party('complainant', "Mary-Jane O'Brien")])).toEqual({ ok: true });
      expect(foldName('Zoë  Smith-Jones.')).toBe(foldName('zoe smith jones'));
    });
  });

  describe('possession: mediation is voluntary, so every party agrees', () => {
    const landlord = party('claimant', 'Homes Housing Association');
    const tenant = party('defendant', 'Terry Tenant');

    it('the landlord’s consent alone leaves the tenant missing, named in the refusal', () => {
      const check = checkConsent(possession, [given('Homes Housing Association', 'claimant')], [landlord, tenant]);
      expect(refusal(check)).toMatch(/^consent is missing from Terry Tenant \(defendant\): it must be given by every party\. The rule: Mediation is voluntary/);
    });

    it('the event’s version of the refusal names the role, never the person', () => {
      const check = checkConsent(possession, [given('Homes Housing Association', 'claimant')], [landlord, tenant]);
      expect(check).toMatchObject({ ok: false, reasonByRole: expect.stringMatching(/^consent is missing from the defendant:/) });
      expect(check.ok ? '' : check.reasonByRole).not.toContain('Terry');
    });

    it('with nobody’s consent, both parties are named', () => {
      expect(refusal(checkConsent(possession, undefined, [landlord, tenant]))).toMatch(
        /^consent is missing from Homes Housing Association \(claimant\) and Terry Tenant \(defendant\):/,
      );
    });

    it('two consents from the same person do not cover the other party, as counting them would', () => {
      expect(
        refusal(checkConsent(possession, [given('Terry Tenant', 'defendant'), given('Terry Tenant', 'defendant', { method: 'written' })], [landlord, tenant])),
      ).toMatch(/^consent is missing from Homes Housing Association \(claimant\):/);
    });

    it('the landlord organisation consents through its representative, on its behalf', () => {
      const representative = given('Hana Officer', 'income officer of Homes Housing Association', { onBehalfOf: 'homes housing association' });
      expect(checkConsent(possession, [representative, given('Terry Tenant', 'defendant')], [landlord, tenant])).toEqual({ ok: true });
      expect(
        refusal(
          checkConsent(
            possession,
            [given('Hana Officer', 'income officer of Homes Housing Association'), given('Terry Tenant', 'defendant')],
            [landlord, tenant],
          ),
        ),
      ).toMatch(/^consent is missing from Homes Housing Association \(claimant\):/);
    });
  });

  describe('SEND: the right to mediation is the parent’s or the young person’s (SEND Regulations 2014)', () => {
    const parent = party('parent', 'Pat Parent');
    const youngPerson = party('young-person', 'Yan Young');
    const council = party('local-authority', 'County Council SEND team');

    it('the parent’s consent is enough; the local authority’s is not asked for', () => {
      expect(checkConsent(send, [given('Pat Parent', 'parent of the young person')], [parent, council])).toEqual({ ok: true });
    });

    it('a young person may consent for themselves', () => {
      expect(checkConsent(send, [given('Yan Young', 'the young person')], [parent, youngPerson, council])).toEqual({ ok: true });
    });

    it('the local authority’s consent does not stand in for the family’s', () => {
      expect(refusal(checkConsent(send, [given('County Council SEND team', 'local authority')], [parent, youngPerson, council]))).toMatch(
        /^consent is missing from Pat Parent \(parent\) or Yan Young \(young person\): it must be given by the parent or the young person\./,
      );
    });

    it('a referral naming no parent or young person is refused saying so', () => {
      expect(refusal(checkConsent(send, [given('County Council SEND team', 'local authority')], [council]))).toMatch(
        /^consent is missing from the parent or the young person, as no party is a parent or young person:/,
      );
    });
  });

  describe('OOCR: the person given the resolution accepts it', () => {
    const person = party('participant', 'Jamie Person');
    const victim = party('victim', 'Vic Victim');

    it('the participant’s consent is enough; the victim’s is not asked for', () => {
      expect(checkConsent(oocr, [given('Jamie Person', 'the person referred')], [person, victim])).toEqual({ ok: true });
    });

    it('the victim’s consent does not stand in for the participant’s', () => {
      expect(refusal(checkConsent(oocr, [given('Vic Victim', 'victim')], [person, victim]))).toMatch(
        /^consent is missing from Jamie Person \(participant\): it must be given by the person referred\./,
      );
    });

    it('where two people are referred, each accepts their own conditions', () => {
      const other = party('participant', 'Kim Other');
      expect(refusal(checkConsent(oocr, [given('Jamie Person', 'the person referred')], [person, other]))).toMatch(
        /^consent is missing from Kim Other \(participant\):/,
      );
      expect(checkConsent(oocr, [given('Jamie Person', 'the person referred'), given('Kim Other', 'the person referred')], [person, other])).toEqual({
        ok: true,
      });
    });
  });

  it('pre-CMH needs no consent (professionals meet; families are not referred), nor does a line without a rule', () => {
    expect(checkConsent(preCmh, undefined, [party('local-authority', 'Social worker')])).toEqual({ ok: true });
    expect(checkConsent(undefined, undefined, [resident])).toEqual({ ok: true });
  });
});
