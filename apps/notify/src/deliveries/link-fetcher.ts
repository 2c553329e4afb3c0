import { Injectable } from '@nestjs/common';
import { RpcClient } from '@mediation/messaging';
import { ProblemError } from '@mediation/platform';
import { Rpc } from '@mediation/protocol';
import { MailContentUnavailableError } from '../mail/mailer';
import type { DeliveryLink } from './delivery.repository';

/** A survey that is gone, answered, expired or no longer linkable will not become so by retrying. */
const FINAL_STATUSES = new Set([403, 404, 409, 410]);

/** The link behind a delivery's link reference, made at send time by the service that owns it (casework, for surveys). */
@Injectable()
export class LinkFetcher {
  constructor(private readonly rpc: RpcClient) {}

  async fetch(link: DeliveryLink, organisationId: string, correlationId: string): Promise<string> {
    const meta = { organisationId, actorId: 'notify:delivery', actorType: 'system' as const, correlationId };
    try {
      return (await this.rpc.call(Rpc.casework.getSurveyLink, meta, { surveyId: link.surveyId })).link;
    } catch (error) {
      if (error instanceof ProblemError && FINAL_STATUSES.has(error.problem.status))
        throw new MailContentUnavailableError(`${link.kind} ${link.surveyId}: ${error.problem.detail ?? error.problem.title}`);
      throw error;
    }
  }
}
