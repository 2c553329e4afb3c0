import { Injectable } from '@nestjs/common';
import { ProblemError } from '@mediation/platform';
import type { RpcMeta, SubjectAccessQuery } from '@mediation/protocol';
import { addressOf } from '../organisations/organisation-profile.events';
import { OrganisationRepository } from '../organisations/organisation.repository';
import { ComposeSubjectAccessUseCase } from './compose-subject-access.use-case';
import { renderSubjectAccessPdf, type SubjectAccessPdfContext } from './subject-access.pdf';

/** A subject-access export as a PDF, signed with the organisation's name and address like every document. */
@Injectable()
export class ExportSubjectAccessPdfUseCase {
  constructor(
    private readonly compose: ComposeSubjectAccessUseCase,
    private readonly organisations: OrganisationRepository,
  ) {}

  async execute(meta: RpcMeta, query: SubjectAccessQuery, context: SubjectAccessPdfContext): Promise<{ pdf: Buffer; generatedAt: string }> {
    const [exported, organisation] = await Promise.all([this.compose.execute(meta, query), this.organisations.findById(meta.organisationId)]);
    if (!organisation) throw ProblemError.notFound('organisation', meta.organisationId);
    const pdf = await renderSubjectAccessPdf(exported, context, { name: organisation.name, address: addressOf(organisation) });
    return { pdf, generatedAt: exported.generatedAt };
  }
}
