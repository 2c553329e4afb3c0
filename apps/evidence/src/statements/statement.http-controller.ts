import { Body, Controller, HttpCode, Param, ParseUUIDPipe, Post, UseGuards } from '@nestjs/common';
import { parseOrThrow } from '@mediation/platform';
import { CreateWitnessStatementBodySchema, type EvidenceGrant, type EvidenceItemView } from '@mediation/protocol';
import { Grant, GrantGuard } from '../grants/grant.guard';
import { MakeWitnessStatementUseCase } from './make-witness-statement.use-case';

/** Witness statements over the internal port: making one stores a file, as an upload does. */
@Controller('internal')
@UseGuards(GrantGuard)
export class StatementHttpController {
  constructor(private readonly make: MakeWitnessStatementUseCase) {}

  @Post('cases/:caseId/witness-statements')
  @HttpCode(201)
  create(@Grant() grant: EvidenceGrant, @Param('caseId', ParseUUIDPipe) caseId: string, @Body() raw: unknown): Promise<EvidenceItemView> {
    return this.make.execute(grant.meta, caseId, parseOrThrow(CreateWitnessStatementBodySchema, raw));
  }
}
