import { VerifyAuditChainUseCase } from '../../audit/verify-audit-chain.use-case';
import { organisationBySlug } from './cli-actor';
import { defineCommand, optional } from './command';

export const auditVerify = defineCommand({
  group: 'audit',
  verb: 'verify',
  summary: "Walk each organisation's audit chain; exit 0 when every chain is intact, 1 with the first broken link.",
  options: { org: { type: 'string', value: '<slug>', description: 'Only this organisation (default: all).' } },
  needs: 'database',
  parse: (values) => ({ org: optional(values, 'org') }),
  run: async (app, input) => {
    const organisationId = input.org ? (await organisationBySlug(app, input.org)).id : undefined;
    const report = await app.get(VerifyAuditChainUseCase).execute({ organisationId });
    const lines = report.chains.map((chain) =>
      chain.firstBreak
        ? `BROKEN  ${chain.organisationId}: ${chain.firstBreak.detail}`
        : `intact  ${chain.organisationId}: ${chain.entries} entries, last hash ${chain.lastHash}`,
    );
    if (report.chains.length === 0) lines.push('no audit entries yet: nothing to verify');
    lines.push(report.intact ? 'audit trail intact' : 'audit trail BROKEN: see above');
    return { lines, json: report, exitCode: report.intact ? 0 : 1 };
  },
});
