import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { parseRpcRequest } from '@mediation/messaging';
import { Rpc } from '@mediation/protocol';
import { AcknowledgeComplaintUseCase } from './acknowledge-complaint.use-case';
import { ListComplaintsUseCase } from './list-complaints.use-case';
import { ListProviderComplaintsUseCase } from './list-provider-complaints.use-case';
import { ReceiveComplaintUseCase } from './receive-complaint.use-case';
import { ResolveComplaintUseCase } from './resolve-complaint.use-case';

/** Complaints about the service a case received, and the provider-wide list. */
@Controller()
export class ComplaintRpcController {
  constructor(
    private readonly receiveComplaint: ReceiveComplaintUseCase,
    private readonly acknowledgeComplaint: AcknowledgeComplaintUseCase,
    private readonly resolveComplaint: ResolveComplaintUseCase,
    private readonly listComplaints: ListComplaintsUseCase,
    private readonly listProviderComplaints: ListProviderComplaintsUseCase,
  ) {}

  @MessagePattern(Rpc.casework.receiveComplaint.subject)
  receive(@Payload() raw: unknown) {
    const { meta, data } = parseRpcRequest(Rpc.casework.receiveComplaint, raw);
    return this.receiveComplaint.execute(meta, data.caseId, data.complaint);
  }

  @MessagePattern(Rpc.casework.acknowledgeComplaint.subject)
  acknowledge(@Payload() raw: unknown) {
    const { meta, data } = parseRpcRequest(Rpc.casework.acknowledgeComplaint, raw);
    return this.acknowledgeComplaint.execute(meta, data.caseId, data.complaintId, data.acknowledgedAt);
  }

  @MessagePattern(Rpc.casework.resolveComplaint.subject)
  resolve(@Payload() raw: unknown) {
    const { meta, data } = parseRpcRequest(Rpc.casework.resolveComplaint, raw);
    const { caseId, complaintId, ...body } = data;
    return this.resolveComplaint.execute(meta, caseId, complaintId, body);
  }

  @MessagePattern(Rpc.casework.listComplaints.subject)
  complaints(@Payload() raw: unknown) {
    const { meta, data } = parseRpcRequest(Rpc.casework.listComplaints, raw);
    return this.listComplaints.execute(meta, data.caseId);
  }

  @MessagePattern(Rpc.casework.listProviderComplaints.subject)
  providerComplaints(@Payload() raw: unknown) {
    const { meta, data } = parseRpcRequest(Rpc.casework.listProviderComplaints, raw);
    return this.listProviderComplaints.execute(meta, data);
  }
}
