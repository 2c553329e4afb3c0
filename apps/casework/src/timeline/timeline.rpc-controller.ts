import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { parseRpcRequest } from '@mediation/messaging';
import { Rpc } from '@mediation/protocol';
import { GetCaseTimelineUseCase } from './get-case-timeline.use-case';

/** Everything recorded on a case, oldest first. */
@Controller()
export class TimelineRpcController {
  constructor(private readonly timeline: GetCaseTimelineUseCase) {}

  @MessagePattern(Rpc.casework.getCaseTimeline.subject)
  getTimeline(@Payload() raw: unknown) {
    const { meta, data } = parseRpcRequest(Rpc.casework.getCaseTimeline, raw);
    return this.timeline.execute(meta, data.caseId);
  }
}
