import { ServiceLineSchema, workflowOf, type ServiceLine } from '@mediation/protocol';
import { HOUSING_ASB_TEMPLATE } from './housing-asb.template';
import { OOCR_TEMPLATE } from './oocr.template';
import { POSSESSION_TEMPLATE } from './possession.template';
import { PRE_CMH_TEMPLATE } from './pre-cmh.template';
import { SEND_TEMPLATE } from './send.template';

const lineOf = (template: { definition: { serviceLines: readonly unknown[] } }): ServiceLine => ServiceLineSchema.parse(template.definition.serviceLines[0]);
const moves = (line: ServiceLine) => workflowOf(line).transitions.map((t) => `${t.from}>${t.to}`);
const move = (line: ServiceLine, from: string, to: string) => workflowOf(line).transitions.find((t) => t.from === from && t.to === to);

describe('each template’s case workflow', () => {
  it('every template closes only with an outcome, reopens from closed, and contact (where there is one) reaches contact.made', () => {
    for (const template of [HOUSING_ASB_TEMPLATE, POSSESSION_TEMPLATE, SEND_TEMPLATE, OOCR_TEMPLATE, PRE_CMH_TEMPLATE]) {
      const line = lineOf(template);
      const workflow = workflowOf(line);
      const closing = workflow.transitions.filter((t) => t.to === 'closed');
      expect({
        template: template.key,
        closingNeedsOutcome: closing.length > 0 && closing.every((t) => t.requires.includes('outcome') && t.emits === 'case.closed'),
      }).toEqual({ template: template.key, closingNeedsOutcome: true });
      expect({ template: template.key, reopens: workflow.transitions.some((t) => t.from === 'closed' && t.reopens) }).toEqual({
        template: template.key,
        reopens: true,
      });
      const contact = workflow.transitions.find((t) => t.to === 'contacted');
      if (contact) expect(contact.emits).toBe('contact.made');
    }
  });

  it('housing-asb: the council authorises every case (spec §5.2), so there is no rejection; accepting needs a case manager (§8.3)', () => {
    const line = lineOf(HOUSING_ASB_TEMPLATE);
    expect(moves(line)).not.toContain('referred>rejected');
    expect(move(line, 'referred', 'accepted')?.requires).toEqual(['case-manager']);
    expect(move(line, 'closed', 'in-progress')?.basis?.source.section).toBe('§10.5');
  });

  it('send: the certificate-only route (reg 34) declines mediation and closes only with a certificate', () => {
    const line = lineOf(SEND_TEMPLATE);
    expect(move(line, 'accepted', 'mediation-declined')?.emits).toBe('mediation.declined');
    expect(move(line, 'mediation-declined', 'closed')?.requires).toEqual(['outcome', 'certificate']);
    expect(move(line, 'in-progress', 'closed')?.requires).toContain('certificate');
  });

  it('pre-cmh: a meeting of professionals, so no contact step with families', () => {
    expect(workflowOf(lineOf(PRE_CMH_TEMPLATE)).states.map((s) => s.key)).not.toContain('contacted');
  });

  it('possession and oocr run the standard workflow', () => {
    expect(lineOf(POSSESSION_TEMPLATE).workflow).toBeUndefined();
    expect(moves(lineOf(OOCR_TEMPLATE))).toEqual(
      expect.arrayContaining(['referred>accepted', 'accepted>contacted', 'in-progress>closed', 'closed>in-progress']),
    );
  });
});
