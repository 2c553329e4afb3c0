import { Injectable } from '@nestjs/common';
import { Clock, ProblemError } from '@mediation/platform';
import { IssuedApiKeySchema, type CreateApiKeyBody, type Scope } from '@mediation/protocol';
import { Authority } from '../auth/authority';
import type { Principal } from '../auth/principal';
import { IssueApiKeyUseCase } from '../organisations/issue-api-key.use-case';
import { toApiKeyView } from './api-key.view';

/** Issues a key for an integration; the token is in this answer only. */
@Injectable()
export class CreateApiKeyUseCase {
  constructor(
    private readonly issue: IssueApiKeyUseCase,
    private readonly clock: Clock,
  ) {}

  async execute(principal: Principal, input: CreateApiKeyBody) {
    // Neither a key nor a person mints a key that can do more than they can.
    Authority.of(principal).assertMayGrantScopes(input.scopes as Scope[]);
    const expiresAt = input.expiresAt ? new Date(input.expiresAt) : undefined;
    if (expiresAt && expiresAt <= this.clock.now()) throw ProblemError.validation([{ field: 'expiresAt', message: 'must be in the future' }]);
    const { token, key } = await this.issue.execute({ organisationId: principal.organisationId, name: input.name, scopes: input.scopes as Scope[], expiresAt });
    return IssuedApiKeySchema.parse({ ...toApiKeyView(key), token });
  }
}
