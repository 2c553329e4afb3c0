import { Body, Controller, Get, Headers, HttpCode, Param, Post, Put, Query, Res } from '@nestjs/common';
import { RpcClient } from '@mediation/messaging';
import {
  CreateReferralBodySchema,
  LegalHoldBodySchema,
  ReferralIdParamsSchema,
  ReferralListQuerySchema,
  ReferralListSchema,
  ReferralViewSchema,
  Rpc,
  SensitiveAnswersViewSchema,
  type RpcMeta,
} from '@mediation/protocol';
import type { Response } from 'express';
import { CurrentMeta, CurrentPrincipal, type Principal } from '../auth/principal';
import { Access } from '../auth/access';
import { assertContractAllowed } from '../auth/contract-restriction';
import { SensitiveRead } from '../audit/sensitive-read';
import { NeedToKnow } from '../cases/case-need-to-know.guard';
import { ApiOperation } from '../http/api-operation.decorator';
import { ZodPipe } from '../http/zod.pipe';
import { IdempotentUseCase } from '../idempotency/idempotent.use-case';
import { assertMayGiveReceivedAt } from './received-earlier.rule';
import { referralRejectedProblem } from './referral-rejected.problem';

@Controller('v1/referrals')
export class ReferralsController {
  constructor(
    private readonly rpc: RpcClient,
    private readonly idempotent: IdempotentUseCase,
  ) {}

  @Post()
  @HttpCode(201)
  @ApiOperation({
    problems: {
      422: 'The referral is recorded but rejected (its id is in the problem): contract not active, outside scope, a referrer the line does not take, no consent',
    },
    summary:
      'Submit a referral to one of your contracts (422 with the referral id when it is recorded but rejected: contract not active, outside scope, a referrer the line does not take, no consent); a provider-admin or case manager may give `receivedAt` for one that arrived earlier',
    body: CreateReferralBodySchema,
    response: { status: 201, schema: ReferralViewSchema },
    idempotent: true,
  })
  @Access({ roles: ['provider-admin', 'case-manager', 'referrer'], scopes: ['referrals:write'] })
  async submit(
    @CurrentMeta() meta: RpcMeta,
    @CurrentPrincipal() principal: Principal,
    @Body() raw: unknown,
    @Headers('idempotency-key') key: string | undefined,
    @Res({ passthrough: true }) res: Response,
  ) {
    const body = new ZodPipe(CreateReferralBodySchema).transform(raw);
    assertContractAllowed(meta, body.contractId); // a referrer submits only to the contracts they are linked to
    assertMayGiveReceivedAt(principal, body);
    // Intake stores the key on the referral and answers a repeat with it, so a key a dead gateway left in progress may be retaken,
    // and intake is asked first whether it already holds that referral.
    const submit = (idempotencyKey: string | undefined) =>
      this.rpc.call(Rpc.intake.submitReferral, meta, { ...body, ...(idempotencyKey ? { idempotencyKey } : {}) });
    const reconcile = async (idempotencyKey: string) => (await this.rpc.call(Rpc.intake.findSubmittedReferral, meta, { ...body, idempotencyKey })).referral;
    const result = await this.idempotent.execute(meta.organisationId, key, body, submit, { retakeAfterLease: true, reconcile });
    res.setHeader('Location', `/v1/referrals/${result.body.id}`);
    if (result.replayed) res.setHeader('Idempotent-Replayed', 'true');
    // Stored either way, so a replay of the same key gets the same 422 rather than a second referral.
    if (result.body.status === 'rejected') throw referralRejectedProblem(result.body);
    return result.body;
  }

  @Get()
  @ApiOperation({
    query: ReferralListQuerySchema,
    summary: 'List referrals, newest first, by contract and status (query: contractId, status, cursor, limit); a referrer sees only their contracts',
    response: { status: 200, schema: ReferralListSchema },
  })
  @Access({ roles: ['provider-admin', 'case-manager', 'mediator', 'auditor', 'referrer'], scopes: ['referrals:read'] })
  list(@CurrentMeta() meta: RpcMeta, @Query() raw: unknown) {
    return this.rpc.call(Rpc.intake.listReferrals, meta, new ZodPipe(ReferralListQuerySchema).transform(raw));
  }

  @Get(':id')
  @ApiOperation({
    summary: 'Read a referral: its status, rejection reason, possible duplicates, over-cap flag, clock start and the case opened from it',
    response: { status: 200, schema: ReferralViewSchema },
    params: { id: 'The referral id.' },
  })
  @Access({ roles: ['provider-admin', 'case-manager', 'mediator', 'auditor', 'referrer'], scopes: ['referrals:read'] })
  get(@CurrentMeta() meta: RpcMeta, @Param(new ZodPipe(ReferralIdParamsSchema)) params: { id: string }) {
    return this.rpc.call(Rpc.intake.getReferral, meta, { referralId: params.id });
  }

  @Get(':id/sensitive-answers')
  @SensitiveRead({ resourceType: 'referral', categories: ['special-category', 'criminal-offence'] })
  @ApiOperation({
    summary:
      'Read the special-category and criminal-offence answers of a referral (say why in X-Access-Reason; every read is audited). A mediator reads them only when their linked staff profile is assigned to the referral’s case (403 saying why otherwise)',
    response: { status: 200, schema: SensitiveAnswersViewSchema },
    params: { id: 'The referral id.' },
  })
  @Access({ roles: ['provider-admin', 'case-manager', 'mediator'], scopes: ['referrals:read'] })
  @NeedToKnow('referral')
  sensitiveAnswers(@CurrentMeta() meta: RpcMeta, @Param(new ZodPipe(ReferralIdParamsSchema)) params: { id: string }) {
    return this.rpc.call(Rpc.intake.getSensitiveAnswers, meta, { referralId: params.id });
  }

  @Put(':id/legal-hold')
  @ApiOperation({
    summary: 'Set or release a legal hold: while held, the referral is not anonymised at the end of its retention period',
    body: LegalHoldBodySchema,
    response: { status: 200, schema: ReferralViewSchema },
    params: { id: 'The referral id.' },
  })
  @Access({ roles: ['provider-admin'], scopes: ['referrals:write'] })
  legalHold(@CurrentMeta() meta: RpcMeta, @Param(new ZodPipe(ReferralIdParamsSchema)) params: { id: string }, @Body() raw: unknown) {
    const body = new ZodPipe(LegalHoldBodySchema).transform(raw);
    return this.rpc.call(Rpc.intake.setLegalHold, meta, { referralId: params.id, ...body });
  }
}
