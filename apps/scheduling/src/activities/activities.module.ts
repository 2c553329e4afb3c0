import { Module } from '@nestjs/common';
import { StaffModule } from '../staff/staff.module';
import { ActivityRpcController } from './activity.rpc-controller';
import { ActivityRepository } from './activity.repository';
import { RecordActivityUseCase } from './record-activity.use-case';
import { GetActivityFormUseCase } from './get-activity-form.use-case';
import { SetActivityFormUseCase } from './set-activity-form.use-case';

/** Programme activities outside cases: workshops, drop-ins, training, onboarding meetings. */
@Module({
  imports: [StaffModule],
  controllers: [ActivityRpcController],
  providers: [ActivityRepository, RecordActivityUseCase, SetActivityFormUseCase, GetActivityFormUseCase],
})
export class ActivitiesModule {}
