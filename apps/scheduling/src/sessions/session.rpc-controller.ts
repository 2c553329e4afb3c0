import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { parseRpcRequest } from '@mediation/messaging';
import { Rpc } from '@mediation/protocol';
import { BookSessionUseCase } from './book-session.use-case';
import { CancelSessionUseCase } from './cancel-session.use-case';
import { GetSessionUseCase } from './get-session.use-case';
import { HoldSessionUseCase } from './hold-session.use-case';
import { ListCaseSessionsUseCase } from './list-case-sessions.use-case';
import { ListSessionsUseCase } from './list-sessions.use-case';
import { MarkDidNotAttendUseCase } from './mark-did-not-attend.use-case';
import { MoveSessionUseCase } from './move-session.use-case';

@Controller()
export class SessionRpcController {
  constructor(
    private readonly bookSession: BookSessionUseCase,
    private readonly listCaseSessions: ListCaseSessionsUseCase,
    private readonly listSessions: ListSessionsUseCase,
    private readonly getSession: GetSessionUseCase,
    private readonly holdSession: HoldSessionUseCase,
    private readonly cancelSession: CancelSessionUseCase,
    private readonly markDidNotAttend: MarkDidNotAttendUseCase,
    private readonly moveSession: MoveSessionUseCase,
  ) {}

  @MessagePattern(Rpc.scheduling.bookSession.subject)
  book(@Payload() raw: unknown) {
    const { meta, data } = parseRpcRequest(Rpc.scheduling.bookSession, raw);
    return this.bookSession.execute(meta, data.case, data.session, data.caseParties);
  }

  @MessagePattern(Rpc.scheduling.listCaseSessions.subject)
  list(@Payload() raw: unknown) {
    const { meta, data } = parseRpcRequest(Rpc.scheduling.listCaseSessions, raw);
    return this.listCaseSessions.execute(meta, data.caseId);
  }

  @MessagePattern(Rpc.scheduling.listSessions.subject)
  listAcrossCases(@Payload() raw: unknown) {
    const { meta, data } = parseRpcRequest(Rpc.scheduling.listSessions, raw);
    return this.listSessions.execute(meta, data);
  }

  @MessagePattern(Rpc.scheduling.getSession.subject)
  get(@Payload() raw: unknown) {
    const { meta, data } = parseRpcRequest(Rpc.scheduling.getSession, raw);
    return this.getSession.execute(meta, data.sessionId);
  }

  @MessagePattern(Rpc.scheduling.holdSession.subject)
  hold(@Payload() raw: unknown) {
    const { meta, data } = parseRpcRequest(Rpc.scheduling.holdSession, raw);
    return this.holdSession.execute(meta, data.sessionId, data.heldAt);
  }

  @MessagePattern(Rpc.scheduling.moveSession.subject)
  move(@Payload() raw: unknown) {
    const { meta, data } = parseRpcRequest(Rpc.scheduling.moveSession, raw);
    return this.moveSession.execute(meta, data.sessionId, data.move);
  }

  @MessagePattern(Rpc.scheduling.cancelSession.subject)
  cancel(@Payload() raw: unknown) {
    const { meta, data } = parseRpcRequest(Rpc.scheduling.cancelSession, raw);
    return this.cancelSession.execute(meta, data.sessionId, data.reason);
  }

  @MessagePattern(Rpc.scheduling.markSessionDidNotAttend.subject)
  didNotAttend(@Payload() raw: unknown) {
    const { meta, data } = parseRpcRequest(Rpc.scheduling.markSessionDidNotAttend, raw);
    return this.markDidNotAttend.execute(meta, data.sessionId, data.reason);
  }
}
