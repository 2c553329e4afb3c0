import { DynamicModule, Module } from '@nestjs/common';
import { JobsModule } from '@mediation/jobs';
import { criticalPathLinger, MessagingModule } from '@mediation/messaging';
import { DatabaseModule, PlatformModule } from '@mediation/platform';
import { AcknowledgementsModule } from './acknowledgements/acknowledgements.module';
import { CertificateEmailsModule } from './certificates/certificates.module';
import { ComplaintNoticeEmailsModule } from './complaints/complaints.module';
import { textOptions, type NotifyConfig } from './config/notify.config';
import { ContractEmailsModule } from './contract-emails/contract-emails.module';
import { NOTIFY_SCHEMA, NotifyDatabase } from './database/notify.database';
import { DataReturnEmailsModule } from './data-returns/data-returns.module';
import { DeliveriesModule } from './deliveries/deliveries.module';
import { MailModule } from './mail/mail.module';
import { OrganisationsModule } from './organisations/organisations.module';
import { PartyReminderEmailsModule } from './party-reminders/party-reminders.module';
import { RemindersModule } from './reminders/reminders.module';
import { CaseReportEmailsModule } from './reports/reports.module';
import { DeliveryRetentionModule } from './retention/delivery-retention.module';
import { SubjectAccessModule } from './subject-access/subject-access.module';
import { SessionNoticesModule } from './session-notices/session-notices.module';
import { SurveyEmailsModule } from './surveys/surveys.module';
import { TextReceiptsModule } from './text-receipts/text-receipts.module';
import { TextsModule } from './texts/texts.module';
import { WebhookAlertsModule } from './webhook-alerts/webhook-alerts.module';

@Module({})
export class AppModule {
  static register(config: NotifyConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        PlatformModule.forService({ service: 'notify', logLevel: config.LOG_LEVEL }),
        DatabaseModule.forService(NotifyDatabase, NOTIFY_SCHEMA, () => new NotifyDatabase(config.DATABASE_URL)),
        MessagingModule.forService({
          service: 'notify',
          schema: NOTIFY_SCHEMA,
          natsUrl: config.NATS_URL,
          streamReplicas: config.NATS_STREAM_REPLICAS,
          databaseUrl: config.DATABASE_URL,
          namespace: config.NATS_NAMESPACE,
          ...criticalPathLinger(config.CONSUMER_LINGER_MS),
          outbox: true,
        }),
        JobsModule.forService({ redisUrl: config.REDIS_URL, namespace: config.NATS_NAMESPACE }),
        MailModule.forService({ smtpUrl: config.SMTP_URL, from: config.MAIL_FROM }),
        TextsModule.forService(textOptions(config)),
        OrganisationsModule,
        DeliveriesModule,
        AcknowledgementsModule,
        CaseReportEmailsModule,
        CertificateEmailsModule,
        ComplaintNoticeEmailsModule,
        SurveyEmailsModule,
        RemindersModule,
        DataReturnEmailsModule,
        PartyReminderEmailsModule,
        SessionNoticesModule,
        ContractEmailsModule,
        TextReceiptsModule,
        WebhookAlertsModule,
        DeliveryRetentionModule.forService({ bodyRetentionDays: config.DELIVERY_BODY_RETENTION_DAYS }),
        SubjectAccessModule,
      ],
    };
  }
}
