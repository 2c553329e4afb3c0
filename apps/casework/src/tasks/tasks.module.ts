import { Module } from '@nestjs/common';
import { CasesModule } from '../cases/cases.module';
import { AddTaskUseCase } from './add-task.use-case';
import { CompleteTaskUseCase } from './complete-task.use-case';
import { ListProviderTasksUseCase } from './list-provider-tasks.use-case';
import { ListTasksUseCase } from './list-tasks.use-case';
import { TaskRepository } from './task.repository';
import { TaskRpcController } from './task.rpc-controller';

/** Tasks on a case, and across cases as a work queue. */
@Module({
  imports: [CasesModule],
  controllers: [TaskRpcController],
  providers: [TaskRepository, AddTaskUseCase, CompleteTaskUseCase, ListTasksUseCase, ListProviderTasksUseCase],
  exports: [TaskRepository],
})
export class TasksModule {}
