import { Body, Controller, Get, HttpCode, Param, Post, Req } from '@nestjs/common';
import { RpcClient } from '@mediation/messaging';
import {
  Rpc,
  SurveyAnswerBodySchema,
  SurveyAnsweredSchema,
  SurveyTokenParamsSchema,
  SurveyViewSchema,
  type RpcMeta,
  type SurveyAnswerBody,
} from '@mediation/protocol';
import type { AuthenticatedRequest } from '../auth/principal';
import { Public } from '../auth/public.decorator';
import { ApiOperation } from '../http/api-operation.decorator';
import { ZodPipe } from '../http/zod.pipe';
import { RateLimit } from '../throttle/rate-limit.decorator';

/** Nobody is signed in: the link's token is the credential, and casework finds the tenant from it. */
const NO_TENANT = '00000000-0000-0000-0000-000000000000';

function publicMeta(req: AuthenticatedRequest): RpcMeta {
  return { organisationId: NO_TENANT, actorId: 'survey-link', actorType: 'system', correlationId: String(req.id) };
}

/**
 * The satisfaction survey a party reaches from the link in their email. Tokens are 256-bit random, so
 * guessing is hopeless; the per-IP limit keeps anyone from using the routes to load the database.
 */
@Controller('v1/surveys')
export class SurveysController {
  constructor(private readonly rpc: RpcClient) {}

  @Get(':token')
  @Public()
  @RateLimit({ bucket: 'survey', limit: 'RATE_LIMIT_PUBLIC_PER_MINUTE', windowMs: 60_000, by: 'ip' })
  @ApiOperation({
    summary: 'The satisfaction survey behind a link: its questions (404 unknown link, 409 already answered, 410 expired)',
    response: { status: 200, schema: SurveyViewSchema },
    params: { token: 'The token from the survey link.' },
  })
  get(@Req() req: AuthenticatedRequest, @Param(new ZodPipe(SurveyTokenParamsSchema)) params: { token: string }) {
    return this.rpc.call(Rpc.casework.getSurvey, publicMeta(req), params);
  }

  @Post(':token')
  @HttpCode(201)
  @Public()
  @RateLimit({ bucket: 'survey', limit: 'RATE_LIMIT_PUBLIC_PER_MINUTE', windowMs: 60_000, by: 'ip' })
  @ApiOperation({
    problems: { 409: 'This survey was already answered' },
    summary: 'Answer the satisfaction survey, once (400 names each bad answer, 409 already answered, 410 expired, 404 unknown link)',
    body: SurveyAnswerBodySchema,
    response: { status: 201, schema: SurveyAnsweredSchema },
    params: { token: 'The token from the survey link.' },
  })
  answer(
    @Req() req: AuthenticatedRequest,
    @Param(new ZodPipe(SurveyTokenParamsSchema)) params: { token: string },
    @Body(new ZodPipe(SurveyAnswerBodySchema)) body: SurveyAnswerBody,
  ) {
    return this.rpc.call(Rpc.casework.answerSurvey, publicMeta(req), { token: params.token, answers: body.answers });
  }
}
