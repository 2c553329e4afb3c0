import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { parseRpcRequest } from '@mediation/messaging';
import { Rpc } from '@mediation/protocol';
import { EndMultiAgencyUseCase } from '../multi-agency/end-multi-agency.use-case';
import { ListMultiAgencyUseCase } from '../multi-agency/list-multi-agency.use-case';
import { StartMultiAgencyUseCase } from '../multi-agency/start-multi-agency.use-case';
import { ListRiskAssessmentsUseCase } from '../risk/list-risk-assessments.use-case';
import { RecordRiskAssessmentUseCase } from '../risk/record-risk-assessment.use-case';
import { AddTaskUseCase } from '../tasks/add-task.use-case';
import { CompleteTaskUseCase } from '../tasks/complete-task.use-case';
import { ListTasksUseCase } from '../tasks/list-tasks.use-case';
import { AddNoteUseCase } from './add-note.use-case';
import { ListNotesUseCase } from './list-notes.use-case';

/** The day-to-day work on a case: notes, tasks, risk and multi-agency involvement. */
@Controller()
export class CaseWorkRpcController {
  constructor(
    private readonly addNote: AddNoteUseCase,
    private readonly listNotes: ListNotesUseCase,
    private readonly addTask: AddTaskUseCase,
    private readonly completeTask: CompleteTaskUseCase,
    private readonly listTasks: ListTasksUseCase,
    private readonly recordRisk: RecordRiskAssessmentUseCase,
    private readonly listRisk: ListRiskAssessmentsUseCase,
    private readonly startMultiAgency: StartMultiAgencyUseCase,
    private readonly endMultiAgency: EndMultiAgencyUseCase,
    private readonly listMultiAgency: ListMultiAgencyUseCase,
  ) {}

  @MessagePattern(Rpc.casework.addNote.subject)
  note(@Payload() raw: unknown) {
    const { meta, data } = parseRpcRequest(Rpc.casework.addNote, raw);
    return this.addNote.execute(meta, data.caseId, data.note);
  }

  @MessagePattern(Rpc.casework.listNotes.subject)
  notes(@Payload() raw: unknown) {
    const { meta, data } = parseRpcRequest(Rpc.casework.listNotes, raw);
    return this.listNotes.execute(meta, data.caseId, data.includeSensitive);
  }

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

  @MessagePattern(Rpc.casework.recordRiskAssessment.subject)
  risk(@Payload() raw: unknown) {
    const { meta, data } = parseRpcRequest(Rpc.casework.recordRiskAssessment, raw);
    return this.recordRisk.execute(meta, data.caseId, data.assessment);
  }

  @MessagePattern(Rpc.casework.listRiskAssessments.subject)
  risks(@Payload() raw: unknown) {
    const { meta, data } = parseRpcRequest(Rpc.casework.listRiskAssessments, raw);
    return this.listRisk.execute(meta, data.caseId);
  }

  @MessagePattern(Rpc.casework.startMultiAgency.subject)
  startInvolvement(@Payload() raw: unknown) {
    const { meta, data } = parseRpcRequest(Rpc.casework.startMultiAgency, raw);
    return this.startMultiAgency.execute(meta, data.caseId, data.involvement);
  }

  @MessagePattern(Rpc.casework.endMultiAgency.subject)
  endInvolvement(@Payload() raw: unknown) {
    const { meta, data } = parseRpcRequest(Rpc.casework.endMultiAgency, raw);
    return this.endMultiAgency.execute(meta, data.caseId, data.involvementId, data.to);
  }

  @MessagePattern(Rpc.casework.listMultiAgency.subject)
  involvements(@Payload() raw: unknown) {
    const { meta, data } = parseRpcRequest(Rpc.casework.listMultiAgency, raw);
    return this.listMultiAgency.execute(meta, data.caseId);
  }
}
