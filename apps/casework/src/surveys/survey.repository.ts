import { Injectable } from '@nestjs/common';
import type { Prisma, SurveyInvitation, SurveyResponse } from '../generated/prisma/client';
import { CaseworkDatabase, type CaseworkTx } from '../database/casework.database';

export type SurveyInvitationRecord = SurveyInvitation;
export type SurveyResponseRecord = SurveyResponse;

@Injectable()
export class SurveyRepository {
  constructor(private readonly db: CaseworkDatabase) {}

  /** Every party of the case, with what the contact rule reads. */
  partiesOf(tx: CaseworkTx, organisationId: string, caseId: string) {
    return tx.party.findMany({
      where: { organisationId, caseId },
      orderBy: { createdAt: 'asc' },
      select: { id: true, role: true, name: true, email: true, contactPreferences: true },
    });
  }

  caseOf(tx: CaseworkTx, organisationId: string, caseId: string) {
    return tx.case.findFirst({ where: { organisationId, id: caseId } });
  }

  /** Stores an invitation and its token hash; false when this party already has one for this closure. */
  async createOnce(
    tx: CaseworkTx,
    invitation: Omit<SurveyInvitationRecord, 'respondedAt' | 'questions'> & { questions: Prisma.InputJsonValue },
    tokenSha256: string,
  ): Promise<boolean> {
    const { count } = await tx.surveyInvitation.createMany({ data: [invitation], skipDuplicates: true });
    if (count === 0) return false;
    await tx.surveyToken.create({ data: { tokenSha256, organisationId: invitation.organisationId, surveyId: invitation.id } });
    return true;
  }

  /** Which tenant and invitation a token opens: the one read made before a tenant is known, which the lookup policy allows only for the hash presented. */
  findToken(tokenSha256: string) {
    return this.db.run((tx) => tx.surveyToken.findUnique({ where: { tokenSha256 } }), { presented: { 'app.survey_token_sha256': tokenSha256 } });
  }

  /** The stored token hash of an invitation. */
  findTokenOf(organisationId: string, surveyId: string) {
    return this.db.forTenant(organisationId, (tx) => tx.surveyToken.findFirst({ where: { organisationId, surveyId } }));
  }

  findInvitation(tx: CaseworkTx, organisationId: string, id: string): Promise<SurveyInvitationRecord | null> {
    return tx.surveyInvitation.findFirst({ where: { organisationId, id } });
  }

  /** Stores the answers; false when the survey was answered already (a concurrent answer lost the race). */
  async respondOnce(tx: CaseworkTx, invitation: SurveyInvitationRecord, answers: Prisma.InputJsonValue, respondedAt: Date): Promise<boolean> {
    const { count } = await tx.surveyInvitation.updateMany({
      where: { id: invitation.id, organisationId: invitation.organisationId, respondedAt: null },
      data: { respondedAt },
    });
    if (count === 0) return false;
    await tx.surveyResponse.create({
      data: { surveyId: invitation.id, organisationId: invitation.organisationId, caseId: invitation.caseId, answers, respondedAt },
    });
    return true;
  }

  listForCase(organisationId: string, caseId: string) {
    return this.db.forTenant(organisationId, async (tx) => ({
      invitations: await tx.surveyInvitation.findMany({ where: { organisationId, caseId }, orderBy: [{ closure: 'asc' }, { issuedAt: 'asc' }] }),
      responses: await tx.surveyResponse.findMany({ where: { organisationId, caseId }, orderBy: { respondedAt: 'asc' } }),
    }));
  }
}
