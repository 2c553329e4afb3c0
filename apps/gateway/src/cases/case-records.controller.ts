import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { RpcClient } from '@mediation/messaging';
import {
  AcknowledgeComplaintBodySchema,
  CaseChildParamsSchema,
  CaseIdParamsSchema,
  appealDeadlineOf,
  CertificateWithAppealDeadlineListSchema,
  CertificateViewSchema,
  CommunicationListSchema,
  CommunicationViewSchema,
  ComplaintListSchema,
  ComplaintViewSchema,
  IssueCertificateBodySchema,
  LogCommunicationBodySchema,
  MilestoneListSchema,
  MilestoneViewSchema,
  ReceiveComplaintBodySchema,
  RecordMilestoneBodySchema,
  ResolveComplaintBodySchema,
  Rpc,
  type RpcMeta,
} from '@mediation/protocol';
import { CurrentMeta } from '../auth/principal';
import { Access } from '../auth/access';
import { ApiOperation } from '../http/api-operation.decorator';
import { ZodPipe } from '../http/zod.pipe';
import { CASE_MANAGERS, CASE_READERS, CASE_WORKERS } from './case-access';

type CaseParams = { id: string };
type ChildParams = { id: string; childId: string };

/** The records of a case: its communications log, complaints, milestones and certificates. */
@Controller('v1/cases')
export class CaseRecordsController {
  constructor(private readonly rpc: RpcClient) {}

  @Get(':id/communications')
  @ApiOperation({
    summary: 'The communications log of a case: every email, SMS, letter and call, in or out, including what the platform sent',
    response: { status: 200, schema: CommunicationListSchema },
    params: { id: 'The case id.' },
  })
  @Access(CASE_READERS)
  communications(@CurrentMeta() meta: RpcMeta, @Param(new ZodPipe(CaseIdParamsSchema)) params: CaseParams) {
    return this.rpc.call(Rpc.casework.listCommunications, meta, { caseId: params.id });
  }

  @Post(':id/communications')
  @ApiOperation({
    summary: 'Log a call, letter, email or SMS by hand (the log is append-only)',
    body: LogCommunicationBodySchema,
    response: { status: 201, schema: CommunicationViewSchema },
    params: { id: 'The case id.' },
  })
  @Access(CASE_WORKERS)
  log(@CurrentMeta() meta: RpcMeta, @Param(new ZodPipe(CaseIdParamsSchema)) params: CaseParams, @Body() raw: unknown) {
    return this.rpc.call(Rpc.casework.logCommunication, meta, { caseId: params.id, communication: new ZodPipe(LogCommunicationBodySchema).transform(raw) });
  }

  @Get(':id/complaints')
  @ApiOperation({ summary: 'The complaints on a case', response: { status: 200, schema: ComplaintListSchema }, params: { id: 'The case id.' } })
  @Access(CASE_READERS)
  complaints(@CurrentMeta() meta: RpcMeta, @Param(new ZodPipe(CaseIdParamsSchema)) params: CaseParams) {
    return this.rpc.call(Rpc.casework.listComplaints, meta, { caseId: params.id });
  }

  @Post(':id/complaints')
  @ApiOperation({
    summary: 'Record a complaint received',
    body: ReceiveComplaintBodySchema,
    response: { status: 201, schema: ComplaintViewSchema },
    params: { id: 'The case id.' },
  })
  @Access(CASE_MANAGERS)
  receive(@CurrentMeta() meta: RpcMeta, @Param(new ZodPipe(CaseIdParamsSchema)) params: CaseParams, @Body() raw: unknown) {
    return this.rpc.call(Rpc.casework.receiveComplaint, meta, { caseId: params.id, complaint: new ZodPipe(ReceiveComplaintBodySchema).transform(raw) });
  }

  @Post(':id/complaints/:childId/acknowledge')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Acknowledge a complaint',
    body: AcknowledgeComplaintBodySchema,
    response: { status: 200, schema: ComplaintViewSchema },
    params: { id: 'The case id.', childId: 'The complaint id.' },
  })
  @Access(CASE_MANAGERS)
  acknowledge(@CurrentMeta() meta: RpcMeta, @Param(new ZodPipe(CaseChildParamsSchema)) params: ChildParams, @Body() raw: unknown) {
    const body = new ZodPipe(AcknowledgeComplaintBodySchema).transform(raw);
    return this.rpc.call(Rpc.casework.acknowledgeComplaint, meta, { caseId: params.id, complaintId: params.childId, ...body });
  }

  @Post(':id/complaints/:childId/resolve')
  @HttpCode(200)
  @ApiOperation({
    problems: { 409: 'The complaint is already resolved' },
    summary: 'Resolve an acknowledged complaint with a finding',
    body: ResolveComplaintBodySchema,
    response: { status: 200, schema: ComplaintViewSchema },
    params: { id: 'The case id.', childId: 'The complaint id.' },
  })
  @Access(CASE_MANAGERS)
  resolve(@CurrentMeta() meta: RpcMeta, @Param(new ZodPipe(CaseChildParamsSchema)) params: ChildParams, @Body() raw: unknown) {
    const body = new ZodPipe(ResolveComplaintBodySchema).transform(raw);
    return this.rpc.call(Rpc.casework.resolveComplaint, meta, { caseId: params.id, complaintId: params.childId, ...body });
  }

  @Get(':id/milestones')
  @ApiOperation({
    summary: 'The milestones a case reached (what its clocks start and stop on)',
    response: { status: 200, schema: MilestoneListSchema },
    params: { id: 'The case id.' },
  })
  @Access(CASE_READERS)
  milestones(@CurrentMeta() meta: RpcMeta, @Param(new ZodPipe(CaseIdParamsSchema)) params: CaseParams) {
    return this.rpc.call(Rpc.casework.listMilestones, meta, { caseId: params.id });
  }

  @Post(':id/milestones')
  @ApiOperation({
    summary: "Record a milestone by hand (contact.made, mediation.declined, mediation.delayed, conditions.completed) that the contract's clocks use",
    body: RecordMilestoneBodySchema,
    response: { status: 201, schema: MilestoneViewSchema },
    params: { id: 'The case id.' },
  })
  @Access(CASE_WORKERS)
  recordMilestone(@CurrentMeta() meta: RpcMeta, @Param(new ZodPipe(CaseIdParamsSchema)) params: CaseParams, @Body() raw: unknown) {
    const body = new ZodPipe(RecordMilestoneBodySchema).transform(raw);
    return this.rpc.call(Rpc.casework.recordMilestone, meta, { caseId: params.id, ...body });
  }

  @Get(':id/certificates')
  @ApiOperation({
    summary: 'The mediation certificates issued on a case, each with the family’s appeal deadline it starts',
    response: { status: 200, schema: CertificateWithAppealDeadlineListSchema },
    params: { id: 'The case id.' },
  })
  @Access(CASE_READERS)
  async certificates(@CurrentMeta() meta: RpcMeta, @Param(new ZodPipe(CaseIdParamsSchema)) params: CaseParams) {
    // Casework first, so another provider's case is its 404 before scheduling is asked anything.
    const { items } = await this.rpc.call(Rpc.casework.listCertificates, meta, { caseId: params.id });
    const deadlines = items.length ? (await this.rpc.call(Rpc.scheduling.listCaseDeadlines, meta, { caseId: params.id })).items : [];
    return CertificateWithAppealDeadlineListSchema.parse({
      items: items.map((certificate) => {
        const appeal = appealDeadlineOf(deadlines, certificate.issuedAt);
        return { ...certificate, appealDeadline: appeal ? { dueAt: appeal.dueAt, status: appeal.status } : null };
      }),
    });
  }

  @Post(':id/certificates')
  @ApiOperation({
    problems: { 409: 'What the certificate certifies is not recorded on the case (named in `kind`), or the line issues no certificates' },
    summary: 'Record a SEND mediation certificate issued (after mediation, declined, or deemed); it stops the certificate clocks',
    body: IssueCertificateBodySchema,
    response: { status: 201, schema: CertificateViewSchema },
    params: { id: 'The case id.' },
  })
  @Access(CASE_MANAGERS)
  issueCertificate(@CurrentMeta() meta: RpcMeta, @Param(new ZodPipe(CaseIdParamsSchema)) params: CaseParams, @Body() raw: unknown) {
    const body = new ZodPipe(IssueCertificateBodySchema).transform(raw);
    return this.rpc.call(Rpc.casework.issueCertificate, meta, { caseId: params.id, ...body });
  }
}
