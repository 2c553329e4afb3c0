import { Module } from '@nestjs/common';
import { CasesModule } from '../cases/cases.module';
import { ContactModule } from '../contact/contact.module';
import { MilestonesModule } from '../milestones/milestones.module';
import { PartiesModule } from '../parties/parties.module';
import { CertificateToFamily } from './certificate-to-family';
import { CertificateRepository } from './certificate.repository';
import { CertificateRpcController } from './certificate.rpc-controller';
import { IssueCertificateUseCase } from './issue-certificate.use-case';
import { ListCertificatesUseCase } from './list-certificates.use-case';

/** SEND mediation certificates: issued on a case, emailed to the family. */
@Module({
  imports: [CasesModule, PartiesModule, ContactModule, MilestonesModule],
  controllers: [CertificateRpcController],
  providers: [CertificateRepository, CertificateToFamily, IssueCertificateUseCase, ListCertificatesUseCase],
  exports: [CertificateRepository],
})
export class CertificatesModule {}
