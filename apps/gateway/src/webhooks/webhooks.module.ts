import { Module } from '@nestjs/common';
import { EventsFeedController } from './events-feed.controller';
import { WebhooksController } from './webhooks.controller';

/** Partners' webhooks and the pull feed: the gateway's routes; the webhooks service does the work. */
@Module({ controllers: [WebhooksController, EventsFeedController] })
export class WebhooksModule {}
