import { Module } from '@nestjs/common';
import { DeliveriesModule } from '../deliveries/deliveries.module';
import { EmailEndpointDisabledUseCase } from './email-endpoint-disabled.use-case';
import { EndpointDisabledHandler } from './endpoint-disabled.handler';

/** The organisation's provider-admins are told when the webhooks service disables one of its partner endpoints. */
@Module({
  imports: [DeliveriesModule],
  providers: [EmailEndpointDisabledUseCase, EndpointDisabledHandler],
})
export class WebhookAlertsModule {}
