import { ContractDefinitionSchema } from '@mediation/protocol';
import type { CertificateFile } from './case-report.repository';
import type { MediationCertificateData } from './mediation-certificate.renderer';

const KINDS = ['after-mediation', 'declined', 'deemed'] as const;

/** Who the certificate is for, who it is against, and the dates it states, from what the case recorded. */
export function assembleCertificate(file: CertificateFile, appealDeadline: Date | null, providerName: string): MediationCertificateData {
  const parsed = file.contract ? ContractDefinitionSchema.safeParse(file.contract.definition) : undefined;
  const family = file.parties.find((p) => p.role === 'young-person') ?? file.parties.find((p) => p.role === 'parent');
  const authority = file.parties.find((p) => p.role === 'local-authority')?.name ?? (parsed?.success ? parsed.data.buyers[0]?.name : undefined);
  const kind = KINDS.find((k) => k === file.certificate.kind) ?? 'after-mediation';
  const wanted = kind === 'after-mediation' ? 'mediation.held' : kind === 'declined' ? 'mediation.declined' : null;
  const adviser = file.team.find((t) => t.role === 'mediator') ?? file.team.find((t) => t.role === 'case-manager');
  const decision = (file.case.dates as Record<string, string> | null)?.decisionLetterDate;
  return {
    certificateId: file.certificate.id,
    reference: file.case.reference,
    kind,
    issuedAt: file.certificate.issuedAt,
    issuedTo: family?.name ?? 'the parent or young person',
    localAuthority: authority ?? 'the local authority',
    decisionLetterDate: decision && /^\d{4}-\d{2}-\d{2}$/.test(decision) ? decision : null,
    eventDate: (wanted && file.milestones.find((m) => m.milestone === wanted)?.occurredAt) || null,
    appealDeadline,
    adviser: { name: adviser?.name ?? 'The mediation adviser', organisation: providerName },
  };
}
