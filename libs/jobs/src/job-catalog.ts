import { z } from 'zod';

export interface JobDefinition<S extends z.ZodType = z.ZodType> {
  /** The queue name: a constant that is never renamed, or jobs already in Redis are orphaned. */
  readonly queue: string;
  readonly name: string;
  readonly schema: S;
}

function defineJob<S extends z.ZodType>(queue: string, name: string, schema: S): JobDefinition<S> {
  return { queue, name, schema };
}

export const QUEUES = {
  deadlines: 'deadlines',
  deliveries: 'deliveries',
  staff: 'staff',
  retention: 'retention',
  deliveryRetention: 'delivery-retention',
  invoices: 'invoices',
  reports: 'reports',
  webhookDeliveries: 'webhook-deliveries',
  publicEventRetention: 'public-event-retention',
  sessions: 'sessions',
  textReceipts: 'text-receipts',
  dataReturns: 'data-returns',
} as const;

export const Jobs = {
  /** Fires one deadline at its due time; PostgreSQL holds the truth, the job is only the alarm. */
  fireDeadline: defineJob(
    QUEUES.deadlines,
    'fire-deadline',
    z.object({ deadlineId: z.uuid(), organisationId: z.uuid(), revision: z.number().int().positive().optional() }),
  ),
  /** Rings one reminder of a pending deadline (due-soon); a stale revision is a no-op. */
  remindDeadline: defineJob(
    QUEUES.deadlines,
    'remind-deadline',
    z.object({ deadlineId: z.uuid(), organisationId: z.uuid(), revision: z.number().int().positive(), reminder: z.number().int().nonnegative() }),
  ),
  /** Every minute: fires what Redis lost or what came due while no worker ran. */
  sweepDeadlines: defineJob(QUEUES.deadlines, 'sweep-deadlines', z.object({})),
  /** Rings one reminder before a booked session (scheduling); a moved or cancelled session (another calendar sequence) makes it a no-op. */
  remindSession: defineJob(
    QUEUES.sessions,
    'remind-session',
    z.object({ sessionId: z.uuid(), organisationId: z.uuid(), sequence: z.number().int().nonnegative(), reminder: z.number().int().nonnegative() }),
  ),
  /** Every 5 minutes (scheduling): sends session reminders whose alarm never rang. */
  sweepSessionReminders: defineJob(QUEUES.sessions, 'sweep-session-reminders', z.object({})),
  /** Daily at 08:00 London (scheduling): reminds local authorities of data returns coming due, and reports those missing. */
  sweepDataReturns: defineJob(QUEUES.dataReturns, 'sweep-data-returns', z.object({})),
  /** Every minute (notify): asks the text provider for the receipts of texts sent and not yet reported on. */
  checkTextReceipts: defineJob(QUEUES.textReceipts, 'check-text-receipts', z.object({})),
  /** Sends one outbound message with retries. */
  sendDelivery: defineJob(QUEUES.deliveries, 'send-delivery', z.object({ deliveryId: z.uuid(), organisationId: z.uuid() })),
  /** Every 15 seconds: enqueues deliveries whose job was never added (the process died after commit) or Redis lost. */
  sweepDeliveries: defineJob(QUEUES.deliveries, 'sweep-deliveries', z.object({})),
  /** Daily at 07:00 London: warns of accreditations and checks expiring within 30 days (and those just expired). */
  warnExpiringAccreditations: defineJob(QUEUES.staff, 'warn-expiring-accreditations', z.object({})),
  /** Daily at 03:30 London (casework): anonymises closed cases past their service line's dataRetentionMonths, unless held. */
  anonymiseExpiredCases: defineJob(QUEUES.retention, 'anonymise-expired-cases', z.object({})),
  /** Daily at 04:15 London (notify): clears the address, subject and body of deliveries with no case or referral sent or given up more than DELIVERY_BODY_RETENTION_DAYS ago. */
  clearOldDeliveryBodies: defineJob(QUEUES.deliveryRetention, 'clear-old-delivery-bodies', z.object({})),
  /** Per contract, on the first London day of each billing period at 06:30 (billing): drafts the invoice of the period just ended. */
  draftPeriodInvoice: defineJob(QUEUES.invoices, 'draft-period-invoice', z.object({ organisationId: z.uuid(), contractId: z.uuid() })),
  /** Webhooks: one message to one partner endpoint; it puts itself back with a delay to retry (PostgreSQL keeps the attempts). */
  deliverWebhook: defineJob(QUEUES.webhookDeliveries, 'deliver-webhook', z.object({ deliveryId: z.uuid(), organisationId: z.uuid() })),
  /** Every 30 seconds: re-enqueues webhook deliveries overdue by a minute (Redis lost them, or the process died before enqueueing). */
  sweepWebhookDeliveries: defineJob(QUEUES.webhookDeliveries, 'sweep-webhook-deliveries', z.object({})),
  /** Daily at 04:45 London (webhooks): deletes stored public events that happened more than WEBHOOKS_EVENT_RETENTION_DAYS ago. */
  purgeOldPublicEvents: defineJob(QUEUES.publicEventRetention, 'purge-old-public-events', z.object({})),
} as const;

export const ReportJobs = {
  /** 06:00 London on the 1st (reporting): fans out one pack job per active contract for the month before. */
  issueMonthlyPacks: defineJob(QUEUES.reports, 'issue-monthly-packs', z.object({})),
  /** One contract's pack for one month, id `pack-<contractId>-<YYYY-MM>`: idempotent per (contract, month). */
  issueContractPack: defineJob(
    QUEUES.reports,
    'issue-contract-pack',
    z.object({ organisationId: z.uuid(), contractId: z.uuid(), period: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/) }),
  ),
};

export const JOB_CATALOG: readonly JobDefinition[] = [...Object.values(Jobs), ...Object.values(ReportJobs)];
