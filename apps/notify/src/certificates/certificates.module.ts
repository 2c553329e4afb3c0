import { Module } from '@nestjs/common';
import { DeliveriesModule } from '../deliveries/deliveries.module';
import { CertificateIssuedHandler } from './certificate-issued.handler';
import { EmailCertificateUseCase } from './email-certificate.use-case';

/** Mediation certificates emailed to the family with their PDF. */
@Module({
  imports: [DeliveriesModule],
  providers: [EmailCertificateUseCase, CertificateIssuedHandler],
})
export class CertificateEmailsModule {}
