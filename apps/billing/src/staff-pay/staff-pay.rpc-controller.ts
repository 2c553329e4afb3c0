import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { parseRpcRequest } from '@mediation/messaging';
import { Rpc } from '@mediation/protocol';
import { ReadStatementsUseCase } from './read-statements.use-case';

@Controller()
export class StaffPayRpcController {
  constructor(private readonly statements: ReadStatementsUseCase) {}

  @MessagePattern(Rpc.billing.listStaffStatements.subject)
  list(@Payload() raw: unknown) {
    const { meta, data } = parseRpcRequest(Rpc.billing.listStaffStatements, raw);
    return this.statements.list(meta, data.staffId);
  }

  @MessagePattern(Rpc.billing.getStaffStatement.subject)
  get(@Payload() raw: unknown) {
    const { meta, data } = parseRpcRequest(Rpc.billing.getStaffStatement, raw);
    return this.statements.get(meta, data.staffId, data.period);
  }

  @MessagePattern(Rpc.billing.getStaffStatementFile.subject)
  file(@Payload() raw: unknown) {
    const { meta, data } = parseRpcRequest(Rpc.billing.getStaffStatementFile, raw);
    return this.statements.file(meta, data.staffId, data.period);
  }

  @MessagePattern(Rpc.billing.getPayroll.subject)
  payroll(@Payload() raw: unknown) {
    const { meta, data } = parseRpcRequest(Rpc.billing.getPayroll, raw);
    return this.statements.payroll(meta, data.period);
  }

  @MessagePattern(Rpc.billing.getPayrollFile.subject)
  payrollFile(@Payload() raw: unknown) {
    const { meta, data } = parseRpcRequest(Rpc.billing.getPayrollFile, raw);
    return this.statements.payrollFile(meta, data.period);
  }
}
