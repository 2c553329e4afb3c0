import { ContractDefinitionSchema, ContractTemplateSchema, TEMPLATE_KEYS, type ServiceLine } from '@mediation/protocol';
import { HOUSING_ASB_TEMPLATE } from './housing-asb.template';
import { findTemplate, TEMPLATES } from './template-registry';

const everyLine = () => [...TEMPLATES.values()].flatMap((t) => t.definition.serviceLines.map((line) => [t.key, line.key, line] as const));

describe('the five shipped templates', () => {
  it('are one per seed document, each valid against the contract schema', () => {
    expect([...TEMPLATES.keys()].sort()).toEqual([...TEMPLATE_KEYS].sort());
    for (const template of TEMPLATES.values()) {
      expect(ContractTemplateSchema.safeParse(template).success).toBe(true);
      // A contract copied from it is a valid contract once it has a reference.
      expect(ContractDefinitionSchema.safeParse({ ...template.definition, reference: 'REF-1' }).success).toBe(true);
    }
  });

  it.each(everyLine())('%s / %s: every clock, KPI, price and outcome cites its source', (_t, _l, line: ServiceLine) => {
    const cited = [
      ...line.deadlineRules.map((r) => r.basis),
      ...line.kpis.map((k) => k.basis),
      ...(line.pricing ? [line.pricing.basis] : []),
      ...line.referrers.map((r) => r.basis),
    ];
    expect(cited.length).toBeGreaterThan(0);
    for (const basis of cited) {
      expect(basis.text.trim()).not.toBe('');
      expect(basis.source.document).toMatch(/seeds\/00\d_|Regulations|Code of Practice|Practice Direction|framework/);
    }
    expect(line.outcomes.some((o) => o.expected)).toBe(true);
  });

  // Checked against each seed: housing §5.1-5.2 (the Council's authorised officer), possession (claims in court),
  // SEND (the family through the mediation adviser, or the LA told they wish to mediate), OOCR ("exclusively …
  // from Leicestershire Police"), pre-CMH (the local authority and the Cafcass Guardian).
  it.each([
    ['housing-asb', ['council']],
    ['possession', ['court']],
    ['send', ['parent-or-young-person', 'local-authority']],
    ['oocr', ['police']],
    ['pre-cmh', ['local-authority', 'cafcass']],
  ] as const)('%s takes referrals only from %j, on every line', (template, roles) => {
    for (const line of findTemplate(template).definition.serviceLines)
      expect({ line: line.key, roles: line.referrers.flatMap((r) => r.roles) }).toEqual({ line: line.key, roles });
  });

  it('housing-asb has Service A (noise) and Service B (complex ASB) with the four expected outcomes and the spec’s KPIs', () => {
    const { definition } = findTemplate('housing-asb');
    expect(definition.serviceLines.map((l) => l.key)).toEqual(['noise', 'complex-asb']);
    const [noise] = definition.serviceLines;
    expect(noise.outcomes.filter((o) => o.expected).map((o) => o.key)).toEqual([
      'satisfactory-feedback',
      'good-neighbour-agreement',
      'closed-lack-of-evidence',
      'evidence-for-enforcement',
    ]);
    expect(noise.kpis.map((k) => [k.key, k.target?.comparator, k.target?.value])).toEqual([
      ['visit-within-2-weeks', 'gte', 100],
      ['expected-outcome', 'gte', 90],
      ['multi-agency-at-3-months', 'lt', 10],
      ['reopened-within-12-months', 'lte', 5],
      ['satisfactory-feedback', undefined, undefined],
    ]);
    expect(noise.deadlineRules.find((r) => r.key === 'initial-contact')).toMatchObject({
      due: { kind: 'calendar-days', days: 14 },
      startsInOfficeHours: true,
      basis: { source: { section: '§7.1' } },
    });
    expect(noise.officeHours?.weekly.monday).toEqual([{ open: '09:00', close: '17:00' }]);
    expect(noise.londonLivingWage.required).toBe(true);
    expect(noise.pricing?.model).toBe('fixed-per-year');
    expect(noise.acknowledgement?.onReceipt).toBe(true);
  });

  it('possession runs to the hearing date on the referral and is capped at £2m', () => {
    const { definition } = findTemplate('possession');
    const [line] = definition.serviceLines;
    expect(line.deadlineRules.find((r) => r.key === 'mediation-before-hearing')?.due).toEqual({
      kind: 'before-date-field',
      field: 'hearingDate',
      days: 1,
      dayKind: 'calendar',
    });
    expect(line.outcomes.map((o) => o.key)).toEqual(['settled', 'partly-settled', 'not-settled']);
    expect(definition.cap?.netPence).toBe(200_000_000);
  });

  it('send counts 30 calendar days from the date the LA was told, certificates in 3 working days, notice 5 working days ahead', () => {
    const [line] = findTemplate('send').definition.serviceLines;
    expect(line.deadlineRules.find((r) => r.key === 'mediation-within-30-days')).toMatchObject({
      startsFromField: 'laInformedDate',
      due: { kind: 'calendar-days', days: 30 },
      basis: { kind: 'legal' },
    });
    expect(line.deadlineRules.find((r) => r.key === 'certificate-after-mediation')?.due).toEqual({ kind: 'working-days', days: 3 });
    expect(line.sessionNotice?.minWorkingDays).toBe(5);
    expect(line.pricing?.model).toBe('unit-cost-per-session');
    expect(line.form.fields.find((f) => f.key === 'mediationIssues')?.sensitivity).toBe('special-category');
  });

  it('SEND mediators must hold a SEND mediation accreditation and an enhanced DBS check; pre-CMH staff a DBS check, as the provider’s practice', () => {
    const [send] = findTemplate('send').definition.serviceLines;
    expect(send.staffRequirements).toMatchObject({
      accreditations: ['send-mediation', 'dbs-enhanced'],
      basis: { kind: 'guidance', source: { document: expect.stringMatching(/Code of Practice/), note: expect.stringContaining('provider’s practice') } },
    });
    const [preCmh] = findTemplate('pre-cmh').definition.serviceLines;
    expect(preCmh.staffRequirements).toMatchObject({
      accreditations: ['dbs-enhanced'],
      basis: { kind: 'provider-practice', source: { document: expect.stringMatching(/seeds\/002_/) } },
    });
    expect(findTemplate('possession').definition.serviceLines[0].staffRequirements).toBeUndefined();
  });

  it('oocr takes police referrals only, marks offence details as criminal-offence data and weighs quality 80 / price 20', () => {
    const { definition } = findTemplate('oocr');
    const [line] = definition.serviceLines;
    expect(line.referrers.flatMap((r) => r.roles)).toEqual(['police']);
    expect(line.form.fields.filter((f) => f.sensitivity === 'criminal-offence').map((f) => f.key)).toEqual(
      expect.arrayContaining(['offenceDetails', 'conditions']),
    );
    expect(definition.awardCriteria.map((c) => [c.type, c.weightPercent])).toEqual([
      ['quality', 80],
      ['price', 20],
    ]);
    expect(line.pricing?.model).toBe('block-contract');
  });

  it('pre-cmh must meet before the first CMH and is a fixed fee', () => {
    const [line] = findTemplate('pre-cmh').definition.serviceLines;
    expect(line.deadlineRules[0].due).toMatchObject({ kind: 'before-date-field', field: 'firstCmhDate' });
    expect(line.kpis[0].measure).toEqual({ kind: 'deadline-met-rate', deadlineRule: 'meeting-before-cmh' });
    expect(line.pricing?.model).toBe('fixed-fee');
  });

  it('a template that breaks its own rules is refused: a clock on a date the form does not ask for', () => {
    const broken = structuredClone(HOUSING_ASB_TEMPLATE) as unknown as { definition: { serviceLines: { deadlineRules: { due: unknown }[] }[] } };
    broken.definition.serviceLines[0].deadlineRules[0].due = { kind: 'before-date-field', field: 'hearingDate', days: 1 };
    const result = ContractTemplateSchema.safeParse(broken);
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.path.join('.'))).toContain('definition.serviceLines.0.deadlineRules.0.due.field');
  });

  it('hands out copies, so a contract edited from a template never changes the template', () => {
    const copy = findTemplate('send');
    copy.definition.title = 'changed';
    expect(findTemplate('send').definition.title).toBe('SEND Mediation Services');
  });
});

describe('the templates’ clocks that end or start again', () => {
  it.each(everyLine())('%s / %s: every clock started by a closure starts again on each closure of a reopened case', (_t, _l, line: ServiceLine) => {
    for (const rule of line.deadlineRules.filter((r) => r.startEvent === 'case.closed')) expect([rule.key, rule.repeats]).toEqual([rule.key, true]);
  });

  it('housing case reports and OOCR reports to the police repeat; no clock started by the referral does', () => {
    const rules = [...TEMPLATES.values()].flatMap((t) => t.definition.serviceLines.flatMap((l) => l.deadlineRules));
    expect(
      rules
        .filter((r) => r.repeats)
        .map((r) => r.key)
        .sort(),
    ).toEqual(expect.arrayContaining(['case-report', 'outcome-to-police']));
    expect(rules.filter((r) => r.startEvent === 'referral.received' && r.repeats)).toEqual([]);
  });

  it('SEND: the 30-day mediation clock is cancelled, not breached, when the family declines mediation, and the certificate clock starts on the same event', () => {
    const [line] = findTemplate('send').definition.serviceLines;
    const mediation = line.deadlineRules.find((r) => r.key === 'mediation-within-30-days');
    expect(mediation?.cancelEvents).toEqual(['mediation.declined']);
    expect(mediation?.basis.text).toMatch(/declines mediation/);
    expect(line.deadlineRules.find((r) => r.startEvent === 'mediation.declined')?.key).toBe('certificate-no-mediation');
  });

  it('pre-CMH: one working day before the first CMH is the provider’s practice, since the tender says only "prior to the first CMH"', () => {
    const [line] = findTemplate('pre-cmh').definition.serviceLines;
    const rule = line.deadlineRules.find((r) => r.key === 'meeting-before-cmh');
    expect(rule?.due).toEqual({ kind: 'before-date-field', field: 'firstCmhDate', days: 1, dayKind: 'working' });
    expect(rule?.basis).toMatchObject({ kind: 'provider-practice', source: { document: expect.stringMatching(/seeds\/002_/) } });
    expect(rule?.basis.text).toMatch(/prior to the first Case Management Hearing/);
    expect(rule?.basis.text).toMatch(/one working day/);
  });
});

describe('whom the templates let the platform contact, and with what', () => {
  const contactOf = (template: Parameters<typeof findTemplate>[0]) => findTemplate(template).definition.serviceLines.map((l) => l.partyContact!);
  const rolesFor = (contact: ServiceLine['partyContact'], message: string) => contact?.messages.find((m) => m.message === message)?.roles ?? [];

  it.each(everyLine())('%s / %s: says which parties each message may go to, citing why', (_t, _l, line: ServiceLine) => {
    expect(line.partyContact?.messages.length).toBeGreaterThan(0);
    for (const rule of [...(line.partyContact?.messages ?? []), ...(line.partyContact?.permissions ?? [])]) expect(rule.basis.text.trim()).not.toBe('');
  });

  it('housing-asb surveys the residents, but not the respondent of a case closed with evidence for enforcement', () => {
    for (const contact of contactOf('housing-asb')) {
      expect(rolesFor(contact, 'survey')).toEqual(expect.arrayContaining(['complainant', 'respondent']));
      expect(contact.messages.find((m) => m.message === 'survey')?.notOnOutcomes).toEqual([{ outcomes: ['evidence-for-enforcement'], roles: ['respondent'] }]);
    }
  });

  it('oocr contacts a victim only when the police answered victimContactAllowed yes, and reminds only the person referred', () => {
    const [contact] = contactOf('oocr');
    expect(contact.permissions).toEqual([expect.objectContaining({ field: 'victimContactAllowed', roles: ['victim'] })]);
    expect(rolesFor(contact, 'deadline-reminder')).toEqual(['participant']);
  });

  it('send sends the family, never the local authority, the survey, the certificate and the appeal reminders', () => {
    const [contact] = contactOf('send');
    for (const message of ['survey', 'certificate', 'deadline-reminder']) expect(rolesFor(contact, message)).toEqual(['parent', 'young-person']);
  });

  it('pre-cmh and possession send no certificates, and pre-cmh never contacts the families in the proceedings', () => {
    expect(rolesFor(contactOf('possession')[0], 'certificate')).toEqual([]);
    const [preCmh] = contactOf('pre-cmh');
    expect(rolesFor(preCmh, 'certificate')).toEqual([]);
    for (const rule of preCmh.messages) expect(rule.roles).not.toEqual(expect.arrayContaining(['parent']));
  });

  it('a permission must name a yes/no field of the form', () => {
    const template = findTemplate('oocr');
    template.definition.serviceLines[0].partyContact!.permissions[0].field = 'policeReference';
    const parsed = ContractTemplateSchema.safeParse(template);
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]).toMatchObject({ message: expect.stringMatching(/yes\/no \(boolean\) field/) });
  });

  it('an exception by outcome must name an outcome of the line, and a message is listed once', () => {
    const template = findTemplate('housing-asb');
    template.definition.serviceLines[0].partyContact!.messages[0].notOnOutcomes[0].outcomes = ['enforced'];
    expect(ContractTemplateSchema.safeParse(template).error?.issues[0]).toMatchObject({ message: 'no outcome "enforced" in this service line' });
    const twice = findTemplate('oocr');
    twice.definition.serviceLines[0].partyContact!.messages.push(twice.definition.serviceLines[0].partyContact!.messages[0]);
    expect(ContractTemplateSchema.safeParse(twice).error?.issues[0]).toMatchObject({ message: 'must name each message once' });
  });
});
