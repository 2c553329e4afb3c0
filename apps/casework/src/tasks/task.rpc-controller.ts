import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { parseRpcRequest } from '@mediation/messaging';
import { Rpc } from '@mediation/protocol';
import { AddTaskUseCase } from './add-task.use-case';
import { CompleteTaskUseCase } from './complete-task.use-case';
import { ListProviderTasksUseCase } from './list-provider-tasks.use-case';
import { ListTasksUseCase } from './list-tasks.use-case';

/** Tasks on a case. */
@Controller()
export class TaskRpcController {
  constructor(
    private readonly addTask: AddTaskUseCase,
    private readonly completeTask: CompleteTaskUseCase,
    private readonly listTasks: ListTasksUseCase,
    private readonly listProviderTasks: ListProviderTasksUseCase,
  ) {}

  @MessagePattern(Rpc.casework.addTask.subject)
  task(@Payload() raw: unknown) {
    const { meta, data } = parseRpcRequest(Rpc.casework.addTask, raw);
    return this.addTask.execute(meta, data.caseId, data.task);
  }

  @MessagePattern(Rpc.casework.completeTask.subject)
  complete(@Payload() raw: unknown) {
    const { meta, data } = parseRpcRequest(Rpc.casework.completeTask, raw);
    return this.completeTask.execute(meta, data.caseId, data.taskId, data.completedAt);
  }

  @MessagePattern(Rpc.casework.listTasks.subject)
  tasks(@Payload() raw: unknown) {
    const { meta, data } = parseRpcRequest(Rpc.casework.listTasks, raw);
    return this.listTasks.execute(meta, data.caseId);
  }

  @MessagePattern(Rpc.casework.listProviderTasks.subject)
  acrossCases(@Payload() raw: unknown) {
    const { meta, data } = parseRpcRequest(Rpc.casework.listProviderTasks, raw);
    return this.listProviderTasks.execute(meta, data);
  }
}
