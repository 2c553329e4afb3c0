import { Inject, Injectable } from '@nestjs/common';
import { ContractBook } from '@mediation/contract-book';
import { EventPublisher } from '@mediation/messaging';
import { Clock } from '@mediation/platform';
import { SurveyIssuedV2, uuidv7, type CaseClosedV1, type EventData, type EventEnvelope } from '@mediation/protocol';
import { PartyContacts } from '../contact/party-contacts';
import type { CaseworkTx } from '../database/casework.database';
import { SURVEY_TITLE, surveyQuestionsFor } from './survey-questions';
import { surveyToken, surveyTokenHash } from './survey-token';
import { SurveyRepository } from './survey.repository';
import { SURVEYS_OPTIONS, type SurveysOptions } from './surveys.options';

const DAY_MS = 86_400_000;

/**
 * On closure: one survey invitation per party the contact rule lets it email (every refusal logged on the
 * case), once per closure; the link itself is made only when notify sends the email.
 */
@Injectable()
export class IssueSurveysUseCase {
  constructor(
    private readonly surveys: SurveyRepository,
    private readonly book: ContractBook,
    private readonly contacts: PartyContacts,
    private readonly events: EventPublisher,
    private readonly clock: Clock,
    @Inject(SURVEYS_OPTIONS) private readonly options: SurveysOptions,
  ) {}

  async execute(tx: CaseworkTx, event: EventEnvelope<EventData<typeof CaseClosedV1>>): Promise<void> {
    const organisationId = event.organisationid;
    const closed = event.data;
    const found = await this.surveys.caseOf(tx, organisationId, closed.caseId);
    if (!found) return;
    const questions = surveyQuestionsFor((await this.book.forCase(tx, found))?.template ?? null);
    const issuedAt = this.clock.now();
    const expiresAt = new Date(issuedAt.getTime() + this.options.ttlDays * DAY_MS);
    const closure = closed.timesReopened + 1;
    // The outcome of this closure, as the event says it: the case may have been reopened since.
    const recipients = await this.contacts.recipients(
      tx,
      { ...found, outcome: closed.outcome },
      await this.surveys.partiesOf(tx, organisationId, closed.caseId),
      { message: 'survey', key: `survey:${closed.caseId}:closure-${closure}`, correlationId: event.correlationid, causationId: event.id },
    );
    for (const party of recipients) {
      const id = uuidv7();
      const created = await this.surveys.createOnce(
        tx,
        {
          id,
          organisationId,
          caseId: closed.caseId,
          contractId: closed.contractId,
          closure,
          partyId: party.id,
          partyRole: party.role,
          partyName: party.name,
          title: SURVEY_TITLE,
          questions,
          issuedAt,
          expiresAt,
        },
        surveyTokenHash(surveyToken(this.options.tokenKeys[0], id)),
      );
      if (!created) continue;
      await this.events.append(tx, {
        definition: SurveyIssuedV2,
        data: {
          surveyId: id,
          caseId: closed.caseId,
          contractId: closed.contractId,
          reference: closed.reference,
          recipient: { name: party.name, email: party.email },
          expiresAt: expiresAt.toISOString(),
        },
        subject: id,
        organisationId,
        contractId: closed.contractId,
        sequence: 1,
        correlationId: event.correlationid,
        causationId: event.id,
      });
    }
  }
}
