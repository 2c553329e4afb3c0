import { Module } from '@nestjs/common';
import { AddAccreditationUseCase } from './add-accreditation.use-case';
import { AddAvailabilityExceptionUseCase } from './add-availability-exception.use-case';
import { CaseFileRepository } from '../case-files/case-file.repository';
import { CaseLineReader } from './case-line.reader';
import { CreateStaffUseCase } from './create-staff.use-case';
import { DeclareConflictUseCase } from './declare-conflict.use-case';
import { GetStaffUseCase } from './get-staff.use-case';
import { ListStaffUseCase } from './list-staff.use-case';
import { StaffLineRules } from './staff-line-rules';
import { StaffProcessor } from './staff.processor';
import { StaffRepository } from './staff.repository';
import { StaffRpcController } from './staff.rpc-controller';
import { UpdateStaffUseCase } from './update-staff.use-case';
import { WarnExpiringAccreditationsUseCase } from './warn-expiring-accreditations.use-case';

/** Staff profiles, accreditations, availability and conflicts; exports what sessions and allocation read. */
@Module({
  controllers: [StaffRpcController],
  providers: [
    StaffRepository,
    CaseFileRepository,
    CaseLineReader,
    StaffLineRules,
    CreateStaffUseCase,
    ListStaffUseCase,
    GetStaffUseCase,
    UpdateStaffUseCase,
    AddAccreditationUseCase,
    AddAvailabilityExceptionUseCase,
    DeclareConflictUseCase,
    WarnExpiringAccreditationsUseCase,
    StaffProcessor,
  ],
  exports: [StaffRepository, CaseLineReader, StaffLineRules],
})
export class StaffModule {}
