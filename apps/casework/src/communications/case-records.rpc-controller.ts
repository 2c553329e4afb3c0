import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { parseRpcRequest } from '@mediation/messaging';
import { Rpc } from '@mediation/protocol';
import { IssueCertificateUseCase } from '../certificates/issue-certificate.use-case';
import { ListCertificatesUseCase } from '../certificates/list-certificates.use-case';
import { AcknowledgeComplaintUseCase } from '../complaints/acknowledge-complaint.use-case';
import { ListComplaintsUseCase } from '../complaints/list-complaints.use-case';
import { ListProviderComplaintsUseCase } from '../complaints/list-provider-complaints.use-case';
import { ReceiveComplaintUseCase } from '../complaints/receive-complaint.use-case';
import { ResolveComplaintUseCase } from '../complaints/resolve-complaint.use-case';
import { ListMilestonesUseCase } from '../milestones/list-milestones.use-case';
import { RecordMilestoneUseCase } from '../milestones/record-milestone.use-case';
import { ListCommunicationsUseCase } from './list-communications.use-case';
import { LogCommunicationUseCase } from './log-communication.use-case';

/** The records of a case: communications, complaints, milestones and certificates. */
@Controller()
export class CaseRecordsRpcController {
  constructor(
    private readonly logCommunication: LogCommunicationUseCase,
    private readonly listCommunications: ListCommunicationsUseCase,
    private readonly receiveComplaint: ReceiveComplaintUseCase,
    private readonly acknowledgeComplaint: AcknowledgeComplaintUseCase,
    private readonly resolveComplaint: ResolveComplaintUseCase,
    private readonly listComplaints: ListComplaintsUseCase,
    private readonly listProviderComplaints: ListProviderComplaintsUseCase,
    private readonly recordMilestone: RecordMilestoneUseCase,
    private readonly listMilestones: ListMilestonesUseCase,
    private readonly issueCertificate: IssueCertificateUseCase,
    private readonly listCertificates: ListCertificatesUseCase,
  ) {}

  @MessagePattern(Rpc.casework.logCommunication.subject)
  log(@Payload() raw: unknown) {
    const { meta, data } = parseRpcRequest(Rpc.casework.logCommunication, raw);
    return this.logCommunication.execute(meta, data.caseId, data.communication);
  }

  @MessagePattern(Rpc.casework.listCommunications.subject)
  communications(@Payload() raw: unknown) {
    const { meta, data } = parseRpcRequest(Rpc.casework.listCommunications, raw);
    return this.listCommunications.execute(meta, data.caseId);
  }

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

  @MessagePattern(Rpc.casework.recordMilestone.subject)
  milestone(@Payload() raw: unknown) {
    const { meta, data } = parseRpcRequest(Rpc.casework.recordMilestone, raw);
    const { caseId, ...body } = data;
    return this.recordMilestone.execute(meta, caseId, body);
  }

  @MessagePattern(Rpc.casework.listMilestones.subject)
  milestones(@Payload() raw: unknown) {
    const { meta, data } = parseRpcRequest(Rpc.casework.listMilestones, raw);
    return this.listMilestones.execute(meta, data.caseId);
  }

  @MessagePattern(Rpc.casework.issueCertificate.subject)
  certificate(@Payload() raw: unknown) {
    const { meta, data } = parseRpcRequest(Rpc.casework.issueCertificate, raw);
    const { caseId, ...body } = data;
    return this.issueCertificate.execute(meta, caseId, body);
  }

  @MessagePattern(Rpc.casework.listCertificates.subject)
  certificates(@Payload() raw: unknown) {
    const { meta, data } = parseRpcRequest(Rpc.casework.listCertificates, raw);
    return this.listCertificates.execute(meta, data.caseId);
  }
}
