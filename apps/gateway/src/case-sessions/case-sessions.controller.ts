import { Body, Controller, Get, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import { RpcClient } from '@mediation/messaging';
import {
  BookSessionBodySchema,
  CaseIdParamsSchema,
  CaseSessionListSchema,
  CaseSessionViewSchema,
  MediatorCandidatesQuerySchema,
  MediatorCandidatesSchema,
  Rpc,
  type RpcMeta,
} from '@mediation/protocol';
import type { Response } from 'express';
import { Access } from '../auth/access';
import { CurrentMeta } from '../auth/principal';
import { ApiOperation } from '../http/api-operation.decorator';
import { ZodPipe } from '../http/zod.pipe';
import { caseContext } from './case-context';
import { languageCode } from './interpreter-language';

@Controller('v1/cases')
export class CaseSessionsController {
  constructor(private readonly rpc: RpcClient) {}

  @Post(':id/sessions')
  @HttpCode(201)
  @ApiOperation({
    problems: {
      409: 'The mediator, venue or a party is already booked then',
      422: 'The session breaks a rule of the contract or of the staff member (named), e.g. too little notice (`startsAt`, code `session-notice`) or checks that expire first',
    },
    summary:
      'Book a session on a case: a session type of its service line, remote or in person, with the line’s notice rule (e.g. SEND: 5 working days unless waived), staff who may work the case (on its line, checks in date through the session, the London Living Wage in force on its date, no conflict of interest with the case or a party) and no double booking; with `held: true`, record a session that already took place (no notice rule, not before the case began)',
    body: BookSessionBodySchema,
    response: { status: 201, schema: CaseSessionViewSchema },
    params: { id: 'The case id.' },
  })
  @Access({ roles: ['provider-admin', 'case-manager'], scopes: ['sessions:write'] })
  async book(
    @CurrentMeta() meta: RpcMeta,
    @Param(new ZodPipe(CaseIdParamsSchema)) params: { id: string },
    @Body() raw: unknown,
    @Res({ passthrough: true }) res: Response,
  ) {
    const session = new ZodPipe(BookSessionBodySchema).transform(raw);
    // Every party of the case counts for conflicts of interest, not only those attending; both answers need only the case id.
    const [context, parties] = await Promise.all([
      caseContext(this.rpc, meta, params.id),
      this.rpc.call(Rpc.casework.listParties, meta, { caseId: params.id, includeSensitive: false }),
    ]);
    const caseParties = parties.items.map((p) => p.name);
    const booked = await this.rpc.call(Rpc.scheduling.bookSession, meta, { case: context, session, caseParties });
    res.setHeader('Location', `/v1/sessions/${booked.id}`);
    return booked;
  }

  @Get(':id/sessions')
  @ApiOperation({ summary: 'The sessions of a case, earliest first', response: { status: 200, schema: CaseSessionListSchema }, params: { id: 'The case id.' } })
  @Access({ roles: ['provider-admin', 'case-manager', 'mediator', 'auditor'], scopes: ['sessions:read'] })
  async list(@CurrentMeta() meta: RpcMeta, @Param(new ZodPipe(CaseIdParamsSchema)) params: { id: string }) {
    const context = await caseContext(this.rpc, meta, params.id);
    return this.rpc.call(Rpc.scheduling.listCaseSessions, meta, { caseId: context.caseId });
  }

  @Get(':id/mediator-candidates')
  @ApiOperation({
    query: MediatorCandidatesQuerySchema,
    summary:
      'Mediators ranked for a case (service line, skills, language, availability, caseload), with those excluded and why (expired accreditation, conflict of interest, full caseload); query: language, skills, parties, days',
    response: { status: 200, schema: MediatorCandidatesSchema },
    params: { id: 'The case id.' },
  })
  @Access({ roles: ['provider-admin', 'case-manager'], scopes: ['staff:read'] })
  async candidates(@CurrentMeta() meta: RpcMeta, @Param(new ZodPipe(CaseIdParamsSchema)) params: { id: string }, @Query() rawQuery: unknown) {
    const query = new ZodPipe(MediatorCandidatesQuerySchema, 'query').transform(rawQuery ?? {});
    const context = await caseContext(this.rpc, meta, params.id);
    // The case's own parties always count for conflicts, and a party's interpreter language stands in when none is asked.
    const parties = (await this.rpc.call(Rpc.casework.listParties, meta, { caseId: context.caseId, includeSensitive: false })).items;
    const language = query.language ?? parties.map((p) => languageCode(p.interpreterLanguage)).find((code) => code !== undefined);
    const ranked = { ...query, parties: [...new Set([...(query.parties ?? []), ...parties.map((p) => p.name)])], ...(language ? { language } : {}) };
    return this.rpc.call(Rpc.scheduling.rankMediators, meta, { case: context, query: ranked });
  }
}
