import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { parseRpcRequest } from '@mediation/messaging';
import { Rpc } from '@mediation/protocol';
import { IssueCertificateUseCase } from './issue-certificate.use-case';
import { ListCertificatesUseCase } from './list-certificates.use-case';

/** Mediation certificates of a case. */
@Controller()
export class CertificateRpcController {
  constructor(
    private readonly issueCertificate: IssueCertificateUseCase,
    private readonly listCertificates: ListCertificatesUseCase,
  ) {}

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
