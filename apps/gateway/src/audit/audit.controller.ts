import { Controller, Get, Query } from '@nestjs/common';
import { AuditPageSchema, AuditQuerySchema, type RpcMeta } from '@mediation/protocol';
import { Access } from '../auth/access';
import { CurrentMeta } from '../auth/principal';
import { ApiOperation } from '../http/api-operation.decorator';
import { ZodPipe } from '../http/zod.pipe';
import { ListAuditEntriesUseCase } from './list-audit-entries.use-case';

@Controller('v1/audit')
export class AuditController {
  constructor(private readonly list: ListAuditEntriesUseCase) {}

  @Get()
  @ApiOperation({
    query: AuditQuerySchema,
    summary: "Read your organisation's audit trail, newest first (query: actorId, action, resourceType, resourceId, from, to, cursor, limit)",
    response: { status: 200, schema: AuditPageSchema },
  })
  @Access({ roles: ['auditor'], scopes: ['audit:read'] })
  read(@CurrentMeta() meta: RpcMeta, @Query() raw: unknown) {
    return this.list.execute(meta.organisationId, new ZodPipe(AuditQuerySchema).transform(raw));
  }
}
