import { ContractDefinitionSchema, type OrganisationProfile } from '@mediation/protocol';
import type { CertificateFile } from './case-report.repository';
import type { MediationCertificateData } from './mediation-certificate.renderer';

const KINDS = ['after-mediation', 'declined', 'deemed'] as const;

/** Who the certificate is for, who it is against, and the dates it states, from what the case recorded. */
export function assembleCertificate(file: CertificateFile, appealDeadline: Date | null, provider: OrganisationProfile): MediationCertificateData {
  const parsed = file.contract ? ContractDefinitionSchema.safeParse(file.contract.definition) : undefined;
  const family = file.parties.find((p) => p.role === 'young-person') ?? file.parties.find((p) => p.role === 'parent');
  const authority = file.parties.find((p) => p.role === 'local-authority')?.name ?? (parsed?.success ? parsed.data.buyers[0]?.name : undefined);
  const kind = KINDS.find((k) => k === file.certificate.kind) ?? 'after-mediation';
  const wanted = kind === 'after-mediation' ? 'mediation.held' : kind === 'declined' ? 'mediation.declined' : null;
  const adviser = file.team.find((t) => t.role === 'mediator') ?? file.team.find((t) => t.role === 'case-manager');
  const dates = (file.case.dates as Record<string, string> | null) ?? {};
  const isDate = (value: string | undefined) => (value && /^\d{4}-\d{2}-\d{2}$/.test(value) ? value : null);
  // The milestone it certifies: the latest of its kind on or before the issue (milestones come newest first).
  const certified = wanted ? file.milestones.find((m) => m.milestone === wanted && m.occurredAt.getTime() <= file.certificate.issuedAt.getTime()) : undefined;
  return {
    certificateId: file.certificate.id,
    reference: file.case.reference,
    kind,
    issuedAt: file.certificate.issuedAt,
    issuedTo: family?.name ?? 'the parent or young person',
    localAuthority: authority ?? 'the local authority',
    decisionLetterDate: isDate(dates.decisionLetterDate),
    eventDate: certified?.occurredAt ?? null,
    laInformedDate: isDate(dates.laInformedDate),
    appealDeadline,
    adviser: { name: adviser?.name ?? null, organisation: provider.name, address: provider.address },
  };
}
