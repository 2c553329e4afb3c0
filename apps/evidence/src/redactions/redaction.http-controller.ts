import { Body, Controller, HttpCode, Param, ParseUUIDPipe, Post, UseGuards } from '@nestjs/common';
import { parseOrThrow } from '@mediation/platform';
import { CreateRedactionBodySchema, type EvidenceGrant, type EvidenceItemView } from '@mediation/protocol';
import { Grant, GrantGuard } from '../grants/grant.guard';
import { RedactEvidenceUseCase } from './redact-evidence.use-case';

/** Redactions over the internal port: reading and rewriting a PDF takes longer than an RPC may. */
@Controller('internal')
@UseGuards(GrantGuard)
export class RedactionHttpController {
  constructor(private readonly redact: RedactEvidenceUseCase) {}

  @Post('evidence/:id/redactions')
  @HttpCode(201)
  create(@Grant() grant: EvidenceGrant, @Param('id', ParseUUIDPipe) id: string, @Body() raw: unknown): Promise<EvidenceItemView> {
    return this.redact.execute(grant.meta, id, parseOrThrow(CreateRedactionBodySchema, raw));
  }
}
