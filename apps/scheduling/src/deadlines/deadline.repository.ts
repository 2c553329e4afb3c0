import { Injectable } from '@nestjs/common';
import { type ColumnsOf, leanSql, selectAs } from '@mediation/platform';
import type { Deadline, Prisma } from '../generated/prisma/client';
import { SchedulingDatabase, type SchedulingTx } from '../database/scheduling.database';

export type DeadlineRecord = Deadline;
/** A clock as it starts; what it is not given starts at the column's default. */
export type NewDeadline = Pick<
  DeadlineRecord,
  'id' | 'organisationId' | 'contractId' | 'caseId' | 'rule' | 'basis' | 'startedAt' | 'status' | 'label' | 'kind' | 'occurrence'
> &
  Partial<Pick<DeadlineRecord, 'dueAt' | 'stopEvent' | 'awaitingField' | 'remindersAt' | 'pausedAt' | 'remainingDays' | 'reminderRules'>> & {
    basisSource?: Prisma.InputJsonValue;
    ruleDefinition?: Prisma.InputJsonValue;
  };

/** The column of each field of a deadline (every field: the compiler says when the model grows one). */
const DEADLINE_COLUMNS: ColumnsOf<DeadlineRecord> = {
  id: 'id',
  organisationId: 'organisation_id',
  contractId: 'contract_id',
  caseId: 'case_id',
  rule: 'rule',
  basis: 'basis',
  startedAt: 'started_at',
  dueAt: 'due_at',
  status: 'status',
  firedAt: 'fired_at',
  version: 'version',
  label: 'label',
  kind: 'kind',
  basisSource: 'basis_source',
  stopEvent: 'stop_event',
  ruleDefinition: 'rule_definition',
  awaitingField: 'awaiting_field',
  metAt: 'met_at',
  late: 'late',
  revision: 'revision',
  remindersAt: 'reminders_at',
  remindersSent: 'reminders_sent',
  pausedAt: 'paused_at',
  remainingDays: 'remaining_days',
  reminderRules: 'reminder_rules',
  occurrence: 'occurrence',
};
const DEADLINE_SELECT = selectAs(DEADLINE_COLUMNS);

/** States in which a clock is over: a repeating rule may start its next occurrence only after one of these. */
export const SETTLED_STATUSES = ['met', 'breached', 'cancelled', 'passed'];

/** States whose due time went by unmet (a provider clock breached, someone else's date passed): an event recorded late that happened by then still meets or cancels them. */
export const OVERDUE_STATUSES = ['breached', 'passed'];

/** States in which a deadline can still move, be met or be cancelled. */
// A paused clock is still open: it can move with a date, be met, and be cancelled when the case closes or ends.
export const OPEN_STATUSES = ['pending', 'awaiting-date', 'paused'];

@Injectable()
export class DeadlineRepository {
  constructor(private readonly db: SchedulingDatabase) {}

  /** The case's latest clock of a rule (its highest occurrence), or null when the rule never started on the case. */
  latestOfRule(tx: SchedulingTx, organisationId: string, caseId: string, rule: string): Promise<DeadlineRecord | null> {
    return tx.deadline.findFirst({ where: { organisationId, caseId, rule }, orderBy: { occurrence: 'desc' } });
  }

  /**
   * Inserts the deadlines the case does not have yet (that occurrence of that rule) in one statement
   * (INSERT … ON CONFLICT DO NOTHING RETURNING) and returns those inserted, in the order given; a
   * redelivered start event, or a race, returns none.
   */
  async createUnlessExist(tx: SchedulingTx, records: NewDeadline[]): Promise<DeadlineRecord[]> {
    if (records.length === 0) return [];
    // On the transaction's connection: through Prisma, the query compiler took ~7 ms of CPU per case for this insert (each rule's definition is in it).
    const rows = await leanSql(tx).rows<DeadlineRecord>(
      `INSERT INTO scheduling.deadline (id, organisation_id, contract_id, case_id, rule, basis, started_at, due_at, status, label, kind, basis_source,
         stop_event, rule_definition, awaiting_field, reminders_at, paused_at, remaining_days, reminder_rules, occurrence)
       SELECT r.id, r."organisationId", r."contractId", r."caseId", r.rule, r.basis, r."startedAt", r."dueAt", r.status, r.label, r.kind, r."basisSource",
         r."stopEvent", r."ruleDefinition", r."awaitingField", COALESCE(r."remindersAt", '{}'), r."pausedAt", r."remainingDays",
         COALESCE(r."reminderRules", '{}'), r.occurrence
       FROM jsonb_to_recordset($1::jsonb) AS r(id uuid, "organisationId" uuid, "contractId" uuid, "caseId" uuid, rule text, basis text,
         "startedAt" timestamptz, "dueAt" timestamptz, status text, label text, kind text, "basisSource" jsonb, "stopEvent" text, "ruleDefinition" jsonb,
         "awaitingField" text, "remindersAt" timestamptz[], "pausedAt" timestamptz, "remainingDays" int, "reminderRules" int[], occurrence int)
       ON CONFLICT DO NOTHING RETURNING ${DEADLINE_SELECT}`,
      JSON.stringify(records),
    );
    const inserted = new Map(rows.map((d) => [d.id, d]));
    return records.flatMap((record) => inserted.get(record.id!) ?? []);
  }

  listForCase(organisationId: string, caseId: string): Promise<DeadlineRecord[]> {
    return this.db.forTenant(organisationId, (tx) =>
      tx.deadline.findMany({ where: { organisationId, caseId }, orderBy: [{ dueAt: { sort: 'asc', nulls: 'last' } }, { rule: 'asc' }] }),
    );
  }

  /**
   * A work queue, earliest due first: provider clocks pending and due by `dueBefore` on any case (a case
   * report is owed after the closure), and those breached on the open cases given (a closed case's missed
   * clock is history, not work); within `contractIds` when given.
   */
  listDueOrBreached(
    tx: SchedulingTx,
    organisationId: string,
    filter: { openCaseIds: string[]; dueBefore: Date; contractIds?: readonly string[]; limit: number },
  ): Promise<DeadlineRecord[]> {
    return tx.deadline.findMany({
      where: {
        organisationId,
        kind: 'provider',
        ...(filter.contractIds ? { contractId: { in: [...filter.contractIds] } } : {}),
        OR: [
          { status: 'breached', caseId: { in: filter.openCaseIds } },
          { status: 'pending', dueAt: { lte: filter.dueBefore } },
        ],
      },
      orderBy: [{ dueAt: 'asc' }, { id: 'asc' }],
      take: filter.limit,
    });
  }

  /** The case's deadlines, locked, so concurrent milestones and date changes apply one after the other. */
  async lockForCase(tx: SchedulingTx, organisationId: string, caseId: string): Promise<DeadlineRecord[]> {
    await tx.$queryRawUnsafe(`SELECT id FROM scheduling.deadline WHERE case_id = $1::uuid AND organisation_id = $2::uuid FOR UPDATE`, caseId, organisationId);
    return tx.deadline.findMany({ where: { organisationId, caseId }, orderBy: { rule: 'asc' } });
  }

  /** Locks the row so two firings (a job and the sweeper) cannot both breach it. */
  async lockById(tx: SchedulingTx, organisationId: string, id: string): Promise<DeadlineRecord | null> {
    const rows = await tx.$queryRawUnsafe<{ id: string }[]>(
      `SELECT id FROM scheduling.deadline WHERE id = $1::uuid AND organisation_id = $2::uuid FOR UPDATE`,
      id,
      organisationId,
    );
    return rows.length ? tx.deadline.findUnique({ where: { id } }) : null;
  }

  markBreached(tx: SchedulingTx, id: string, firedAt: Date): Promise<DeadlineRecord> {
    return tx.deadline.update({ where: { id }, data: { status: 'breached', firedAt, version: { increment: 1 } } });
  }

  /** An informational deadline's date went by: shown as passed, never breached against the provider. */
  markPassed(tx: SchedulingTx, id: string, firedAt: Date): Promise<DeadlineRecord> {
    return tx.deadline.update({ where: { id }, data: { status: 'passed', firedAt, version: { increment: 1 } } });
  }

  markMet(tx: SchedulingTx, id: string, metAt: Date, late: boolean): Promise<DeadlineRecord> {
    return tx.deadline.update({ where: { id }, data: { status: 'met', metAt, late, version: { increment: 1 } } });
  }

  markCancelled(tx: SchedulingTx, id: string): Promise<DeadlineRecord> {
    return tx.deadline.update({ where: { id }, data: { status: 'cancelled', version: { increment: 1 } } });
  }

  markReminded(tx: SchedulingTx, id: string, reminder: number): Promise<DeadlineRecord> {
    return tx.deadline.update({ where: { id }, data: { remindersSent: { push: reminder }, version: { increment: 1 } } });
  }

  /** The case was paused: the clock stops with the days it had left, under the next revision, so its alarms are stale. */
  markPaused(tx: SchedulingTx, id: string, pausedAt: Date, remainingDays: number): Promise<DeadlineRecord> {
    return tx.deadline.update({ where: { id }, data: { status: 'paused', pausedAt, remainingDays, revision: { increment: 1 }, version: { increment: 1 } } });
  }

  /** The case resumed: the clock runs again to its new due time, under the next revision. */
  resume(tx: SchedulingTx, id: string, change: { dueAt: Date; remindersAt: Date[]; reminderRules: number[] }): Promise<DeadlineRecord> {
    return tx.deadline.update({
      where: { id },
      data: { ...change, status: 'pending', pausedAt: null, remainingDays: null, remindersSent: [], revision: { increment: 1 }, version: { increment: 1 } },
    });
  }

  /** A new due time (or none, while a date is missing) under the next revision, so older alarms are stale; while the case is paused, with the days left. */
  reschedule(
    tx: SchedulingTx,
    id: string,
    change: {
      status: string;
      startedAt: Date;
      dueAt: Date | null;
      awaitingField: string | null;
      remindersAt: Date[];
      reminderRules: number[];
      pausedAt: Date | null;
      remainingDays: number | null;
    },
  ): Promise<DeadlineRecord> {
    return tx.deadline.update({ where: { id }, data: { ...change, remindersSent: [], revision: { increment: 1 }, version: { increment: 1 } } });
  }

  /** One organisation's pending deadlines already due: provider clocks whose alarm Redis lost (or that fell due while no worker ran), and informational dates that have passed (they have no alarm). */
  findOverdue(organisationId: string, now: Date, limit: number): Promise<Pick<DeadlineRecord, 'id' | 'organisationId' | 'kind'>[]> {
    return this.db.forTenant(organisationId, (tx) =>
      tx.deadline.findMany({
        where: { organisationId, status: 'pending', dueAt: { lte: now } },
        select: { id: true, organisationId: true, kind: true },
        orderBy: { dueAt: 'asc' },
        take: limit,
      }),
    );
  }

  /** One organisation's pending deadlines falling due soon, whose alarms the sweeper makes sure exist. */
  findDueBefore(organisationId: string, now: Date, until: Date, limit: number): Promise<DeadlineRecord[]> {
    return this.db.forTenant(organisationId, (tx) =>
      tx.deadline.findMany({
        where: { organisationId, status: 'pending', kind: 'provider', dueAt: { gt: now, lte: until } },
        orderBy: { dueAt: 'asc' },
        take: limit,
      }),
    );
  }

  /** One organisation's pending, dated deadlines in id order after `afterId`: a page of the alarms to put back into an emptied Redis. */
  findPendingPage(organisationId: string, afterId: string | null, limit: number): Promise<DeadlineRecord[]> {
    return this.db.forTenant(organisationId, (tx) =>
      tx.deadline.findMany({
        where: { organisationId, status: 'pending', dueAt: { not: null }, ...(afterId ? { id: { gt: afterId } } : {}) },
        orderBy: { id: 'asc' },
        take: limit,
      }),
    );
  }

  /** Pending deadlines due within a window, whatever their kind, for the sweeper to catch reminders Redis lost. */
  findPendingDueWithin(organisationId: string, now: Date, until: Date, limit: number): Promise<DeadlineRecord[]> {
    return this.db.forTenant(organisationId, (tx) =>
      tx.deadline.findMany({ where: { organisationId, status: 'pending', dueAt: { gt: now, lte: until } }, orderBy: { dueAt: 'asc' }, take: limit }),
    );
  }

  /** One organisation's pending deadlines with a reminder whose time has come but which was never sent: what Redis lost. */
  findMissedReminders(organisationId: string, now: Date, limit: number): Promise<{ id: string; organisationId: string; revision: number; reminder: number }[]> {
    return this.db.forTenant(organisationId, (tx) =>
      tx.$queryRawUnsafe<{ id: string; organisationId: string; revision: number; reminder: number }[]>(
        `SELECT d.id, d.organisation_id AS "organisationId", d.revision, (r.n - 1)::int AS reminder
             FROM scheduling.deadline d, unnest(d.reminders_at) WITH ORDINALITY AS r(at, n)
            WHERE d.organisation_id = $3::uuid AND d.status = 'pending' AND r.at <= $1 AND NOT ((r.n - 1)::int = ANY (d.reminders_sent))
            ORDER BY r.at LIMIT $2`,
        now,
        limit,
        organisationId,
      ),
    );
  }
}
