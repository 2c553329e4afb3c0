import { Module } from '@nestjs/common';
import { ReadStatementsUseCase } from './read-statements.use-case';
import { RecordStaffFeesUseCase } from './record-staff-fees.use-case';
import { StaffFeeRepository } from './staff-fee.repository';
import { StaffPayRpcController } from './staff-pay.rpc-controller';
import { StaffWorkedHandler } from './staff-worked.handler';

/** What the provider pays its sessional staff: a fee per session worked, monthly statements, payroll, the London Living Wage check. */
@Module({
  controllers: [StaffPayRpcController],
  providers: [StaffFeeRepository, RecordStaffFeesUseCase, StaffWorkedHandler, ReadStatementsUseCase],
})
export class StaffPayModule {}
