import { Controller, Get, Headers, Param, Res, StreamableFile } from '@nestjs/common';
import { RpcClient } from '@mediation/messaging';
import { ProblemError } from '@mediation/platform';
import {
  PayrollParamsSchema,
  PayrollViewSchema,
  Rpc,
  StaffIdParamsSchema,
  StaffStatementListSchema,
  StaffStatementParamsSchema,
  StaffStatementViewSchema,
  type RpcMeta,
  type StatementFile,
} from '@mediation/protocol';
import type { Response } from 'express';
import { Access } from '../auth/access';
import { CurrentMeta, CurrentPrincipal, type Principal } from '../auth/principal';
import { ApiOperation } from '../http/api-operation.decorator';
import { ZodPipe } from '../http/zod.pipe';

/** Finance and administrators read every statement and the payroll; a mediator only their own statements. */
const PAY_READERS = { roles: ['provider-admin', 'finance'], scopes: ['pay:read'] } as const;

const wantsCsv = (accept: string | undefined) => (accept ?? '').toLowerCase().includes('text/csv');

function sendCsv(res: Response, file: StatementFile): StreamableFile {
  res.setHeader('Content-Type', 'text/csv; charset=utf-8');
  res.setHeader('Content-Disposition', `attachment; filename="${file.filename.replace(/[^A-Za-z0-9._-]/g, '_')}"`);
  return new StreamableFile(Buffer.from(file.base64, 'base64'));
}

/** A mediator reads their own statements (the staff record linked to their sign-in); finance and administrators anyone's. */
function assertMayReadStatementsOf(principal: Principal, staffId: string): void {
  const readsAll = principal.actorType === 'api-key' || principal.roles.some((r) => (PAY_READERS.roles as readonly string[]).includes(r));
  if (!readsAll && principal.staffId !== staffId) throw ProblemError.forbidden('A mediator may read only their own statements.');
}

@Controller('v1')
export class StaffStatementsController {
  constructor(private readonly rpc: RpcClient) {}

  @Get('staff/:id/statements')
  @ApiOperation({
    problems: { 404: 'No member of staff with that id' },
    summary: 'A member of staff’s monthly statements, newest first: sessions, hours, fees and the London Living Wage check (a mediator: only their own)',
    response: { status: 200, schema: StaffStatementListSchema },
    params: { id: 'The staff id.' },
  })
  @Access({ roles: [...PAY_READERS.roles, 'mediator'], scopes: [...PAY_READERS.scopes] })
  async list(@CurrentMeta() meta: RpcMeta, @CurrentPrincipal() principal: Principal, @Param(new ZodPipe(StaffIdParamsSchema)) params: { id: string }) {
    assertMayReadStatementsOf(principal, params.id);
    // Someone else's (or no one's) staff id is a 404, not an empty list: scheduling holds the staff.
    await this.rpc.call(Rpc.scheduling.getStaff, meta, { staffId: params.id });
    return this.rpc.call(Rpc.billing.listStaffStatements, meta, { staffId: params.id });
  }

  @Get('staff/:id/statements/:period')
  @ApiOperation({
    problems: { 404: 'No session worked that month' },
    summary: 'One monthly statement (period YYYY-MM, London month) with each session and its fee: JSON, or CSV (`Accept: text/csv`)',
    response: { status: 200, schema: StaffStatementViewSchema },
    params: { id: 'The staff id.', period: 'The London month, YYYY-MM.' },
  })
  @Access({ roles: [...PAY_READERS.roles, 'mediator'], scopes: [...PAY_READERS.scopes] })
  async get(
    @CurrentMeta() meta: RpcMeta,
    @CurrentPrincipal() principal: Principal,
    @Param(new ZodPipe(StaffStatementParamsSchema)) params: { id: string; period: string },
    @Headers('accept') accept: string | undefined,
    @Res({ passthrough: true }) res: Response,
  ) {
    assertMayReadStatementsOf(principal, params.id);
    const request = { staffId: params.id, period: params.period };
    if (!wantsCsv(accept)) return this.rpc.call(Rpc.billing.getStaffStatement, meta, request);
    return sendCsv(res, await this.rpc.call(Rpc.billing.getStaffStatementFile, meta, request));
  }

  @Get('payroll/:period')
  @ApiOperation({
    summary: 'The month’s payroll (period YYYY-MM): every member of staff’s statement, with the London Living Wage check: JSON, or CSV (`Accept: text/csv`)',
    response: { status: 200, schema: PayrollViewSchema },
    params: { period: 'The London month, YYYY-MM.' },
  })
  @Access({ roles: [...PAY_READERS.roles], scopes: [...PAY_READERS.scopes] })
  async payroll(
    @CurrentMeta() meta: RpcMeta,
    @Param(new ZodPipe(PayrollParamsSchema)) params: { period: string },
    @Headers('accept') accept: string | undefined,
    @Res({ passthrough: true }) res: Response,
  ) {
    if (!wantsCsv(accept)) return this.rpc.call(Rpc.billing.getPayroll, meta, { period: params.period });
    return sendCsv(res, await this.rpc.call(Rpc.billing.getPayrollFile, meta, { period: params.period }));
  }
}
