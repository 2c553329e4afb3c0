/*
 * The KPI read model's rows and how a fact changes them: each fact becomes one row of one table, and a row met
 * again (the same key) is merged by its table's rule. The rule is written twice, side by side, and nowhere else:
 * `merge` folds the rows of one batch in memory (in stream order), `onConflict` folds the result into what the
 * table already holds. Both are associative, so one fact at a time (the live consumers) and a million folded
 * into a few thousand statements (the rebuild) leave the same rows.
 */

/** The facts the KPI read model keeps, each named after the event that states it. */
export type Fact =
  | {
      kind: 'case-opened';
      data: {
        organisationId: string;
        caseId: string;
        contractId: string;
        contractVersion: number | null;
        serviceLine: string;
        reference: string;
        receivedAt: string;
        openedAt: string;
      };
    }
  | { kind: 'case-closed'; data: { organisationId: string; caseId: string; closedAt: string; outcome: string; outcomeExpected: boolean } }
  | { kind: 'case-reopened'; data: { organisationId: string; caseId: string; reopenedAt: string; previouslyClosedAt: string } }
  | { kind: 'case-ended'; data: { organisationId: string; caseId: string; endedAt: string; status: string } }
  | { kind: 'deadline-due'; data: DeadlineRef & { dueAt: string | null; sequence: number } }
  | { kind: 'deadline-met'; data: DeadlineRef & { metAt: string; late: boolean } }
  | { kind: 'deadline-breached'; data: DeadlineRef & { breachedAt: string } }
  | { kind: 'deadline-cancelled'; data: DeadlineRef & { cancelledAt: string } }
  | { kind: 'deadline-corrected'; data: DeadlineRef & { now: 'met' | 'cancelled' } }
  | { kind: 'multi-agency'; data: { organisationId: string; caseId: string; involvementId: string; from: string; to: string | null } }
  | { kind: 'milestone'; data: { organisationId: string; eventId: string; caseId: string; milestone: string; occurredAt: string } }
  | { kind: 'complaint-received'; data: ComplaintRef & { receivedAt: string; acknowledgeBy: string | null; respondBy: string | null } }
  | { kind: 'complaint-acknowledged'; data: ComplaintRef & { receivedAt: string; acknowledgedAt: string; late: boolean | null; respondBy: string | null } }
  | { kind: 'complaint-resolved'; data: ComplaintRef & { receivedAt: string; resolvedAt: string; finding: string } }
  | {
      kind: 'survey-answered';
      data: {
        organisationId: string;
        invitationId: string;
        caseId: string;
        answeredAt: string;
        scores: Record<string, number>;
        flags: Record<string, boolean>;
      };
    };

export interface DeadlineRef {
  organisationId: string;
  deadlineId: string;
  caseId: string;
  rule: string;
}

export interface ComplaintRef {
  organisationId: string;
  complaintId: string;
  caseId: string;
}

type Value = string | number | boolean | null;
export type Row = Value[];

/** One fact table: its columns (with their SQL types), its key, and how a row met again is merged. */
export interface FactTable {
  name: string;
  columns: readonly (readonly [column: string, type: string])[];
  /** How many leading columns make the key. */
  keyColumns: number;
  /** The later row folded into the earlier one (the default: the first row stays, as INSERT ... DO NOTHING). */
  merge?: (earlier: Row, later: Row) => Row;
  /** The same merge in SQL: `t` is the row held, EXCLUDED the folded one. */
  onConflict: string;
}

const firstStays = 'DO NOTHING';

export const CASE: FactTable = {
  name: 'kpi_case',
  columns: [
    ['case_id', 'uuid'],
    ['organisation_id', 'uuid'],
    ['contract_id', 'uuid'],
    ['contract_version', 'int'],
    ['service_line', 'text'],
    ['reference', 'text'],
    ['received_at', 'timestamptz'],
    ['opened_at', 'timestamptz'],
  ],
  keyColumns: 1,
  onConflict: firstStays,
};
export const CLOSURE: FactTable = {
  name: 'kpi_closure',
  columns: [
    ['case_id', 'uuid'],
    ['closed_at', 'timestamptz'],
    ['organisation_id', 'uuid'],
    ['outcome', 'text'],
    ['outcome_expected', 'boolean'],
  ],
  keyColumns: 2,
  onConflict: firstStays,
};
export const REOPENING: FactTable = {
  name: 'kpi_reopening',
  columns: [
    ['case_id', 'uuid'],
    ['reopened_at', 'timestamptz'],
    ['organisation_id', 'uuid'],
    ['previously_closed_at', 'timestamptz'],
  ],
  keyColumns: 2,
  onConflict: firstStays,
};
export const CASE_END: FactTable = {
  name: 'kpi_case_end',
  columns: [
    ['case_id', 'uuid'],
    ['ended_at', 'timestamptz'],
    ['organisation_id', 'uuid'],
    ['status', 'text'],
  ],
  keyColumns: 2,
  onConflict: firstStays,
};

/** Column positions of a deadline row. */
const D = { dueAt: 4, dueSequence: 5, metAt: 6, metLate: 7, breachedAt: 8, cancelledAt: 9, correctedTo: 10 } as const;
/**
 * A deadline: due when the event with the highest sequence says (a later one of equal sequence wins; an
 * informational clock's null due never replaces a due date); what became of it, the latest word on each.
 */
export const DEADLINE: FactTable = {
  name: 'kpi_deadline',
  columns: [
    ['deadline_id', 'uuid'],
    ['organisation_id', 'uuid'],
    ['case_id', 'uuid'],
    ['rule', 'text'],
    ['due_at', 'timestamptz'],
    ['due_sequence', 'int'],
    ['met_at', 'timestamptz'],
    ['met_late', 'boolean'],
    ['breached_at', 'timestamptz'],
    ['cancelled_at', 'timestamptz'],
    ['corrected_to', 'text'],
  ],
  keyColumns: 1,
  merge: (a, b) => {
    const moved = b[D.dueAt] !== null && (a[D.dueAt] === null || (b[D.dueSequence] as number) >= (a[D.dueSequence] as number));
    const row = [...a];
    if (moved) [row[D.dueAt], row[D.dueSequence]] = [b[D.dueAt], b[D.dueSequence]];
    if (b[D.metAt] !== null) [row[D.metAt], row[D.metLate]] = [b[D.metAt], b[D.metLate]];
    for (const i of [D.breachedAt, D.cancelledAt, D.correctedTo]) row[i] = b[i] ?? a[i];
    return row;
  },
  onConflict: `DO UPDATE SET
      due_at = CASE WHEN EXCLUDED.due_at IS NOT NULL AND (t.due_at IS NULL OR EXCLUDED.due_sequence >= t.due_sequence) THEN EXCLUDED.due_at ELSE t.due_at END,
      due_sequence = CASE WHEN EXCLUDED.due_at IS NOT NULL AND (t.due_at IS NULL OR EXCLUDED.due_sequence >= t.due_sequence) THEN EXCLUDED.due_sequence ELSE t.due_sequence END,
      met_at = COALESCE(EXCLUDED.met_at, t.met_at),
      met_late = CASE WHEN EXCLUDED.met_at IS NOT NULL THEN EXCLUDED.met_late ELSE t.met_late END,
      breached_at = COALESCE(EXCLUDED.breached_at, t.breached_at),
      cancelled_at = COALESCE(EXCLUDED.cancelled_at, t.cancelled_at),
      corrected_to = COALESCE(EXCLUDED.corrected_to, t.corrected_to)`,
};

/** A period of multi-agency involvement: its start as last stated; an ended period stays ended (`updated` and `recorded` come in either order). */
export const MULTI_AGENCY: FactTable = {
  name: 'kpi_multi_agency',
  columns: [
    ['involvement_id', 'uuid'],
    ['organisation_id', 'uuid'],
    ['case_id', 'uuid'],
    ['from_day', 'date'],
    ['to_day', 'date'],
  ],
  keyColumns: 1,
  merge: (a, b) => [a[0], a[1], a[2], b[3], b[4] ?? a[4]],
  onConflict: 'DO UPDATE SET from_day = EXCLUDED.from_day, to_day = COALESCE(EXCLUDED.to_day, t.to_day)',
};
export const MILESTONE: FactTable = {
  name: 'kpi_milestone',
  columns: [
    ['event_id', 'uuid'],
    ['organisation_id', 'uuid'],
    ['case_id', 'uuid'],
    ['milestone', 'text'],
    ['occurred_at', 'timestamptz'],
  ],
  keyColumns: 1,
  onConflict: firstStays,
};
export const SURVEY_ANSWER: FactTable = {
  name: 'kpi_survey_answer',
  columns: [
    ['invitation_id', 'uuid'],
    ['organisation_id', 'uuid'],
    ['case_id', 'uuid'],
    ['answered_at', 'timestamptz'],
    ['scores', 'jsonb'],
    ['flags', 'jsonb'],
  ],
  keyColumns: 1,
  onConflict: firstStays,
};

/** Column positions of a complaint row. */
const C = { receivedAt: 3, acknowledgeBy: 4, respondBy: 5, respondByFinal: 6, acknowledgedAt: 7, acknowledgedLate: 8, resolvedAt: 9, finding: 10 } as const;
/**
 * A complaint: the latest word on each date; the response date the acknowledgement gave is final and outranks the
 * receipt's (provisional when counted from the acknowledgement), whichever event arrives first.
 */
export const COMPLAINT: FactTable = {
  name: 'kpi_complaint',
  columns: [
    ['complaint_id', 'uuid'],
    ['organisation_id', 'uuid'],
    ['case_id', 'uuid'],
    ['received_at', 'timestamptz'],
    ['acknowledge_by', 'timestamptz'],
    ['respond_by', 'timestamptz'],
    ['respond_by_final', 'boolean'],
    ['acknowledged_at', 'timestamptz'],
    ['acknowledged_late', 'boolean'],
    ['resolved_at', 'timestamptz'],
    ['finding', 'text'],
  ],
  keyColumns: 1,
  merge: (a, b) => {
    const row = a.map((v, i) => (i < C.receivedAt ? v : (b[i] ?? v)));
    if (!b[C.respondByFinal] && a[C.respondByFinal]) [row[C.respondBy], row[C.respondByFinal]] = [a[C.respondBy], true];
    return row;
  },
  onConflict: `DO UPDATE SET
      received_at = COALESCE(EXCLUDED.received_at, t.received_at),
      acknowledge_by = COALESCE(EXCLUDED.acknowledge_by, t.acknowledge_by),
      respond_by = CASE WHEN EXCLUDED.respond_by_final THEN EXCLUDED.respond_by WHEN t.respond_by_final THEN t.respond_by ELSE COALESCE(EXCLUDED.respond_by, t.respond_by) END,
      respond_by_final = EXCLUDED.respond_by_final OR t.respond_by_final,
      acknowledged_at = COALESCE(EXCLUDED.acknowledged_at, t.acknowledged_at),
      acknowledged_late = COALESCE(EXCLUDED.acknowledged_late, t.acknowledged_late),
      resolved_at = COALESCE(EXCLUDED.resolved_at, t.resolved_at),
      finding = COALESCE(EXCLUDED.finding, t.finding)`,
};

/** Every fact table, in the order a batch writes them. */
export const FACT_TABLES: readonly FactTable[] = [CASE, CLOSURE, REOPENING, CASE_END, DEADLINE, MULTI_AGENCY, MILESTONE, SURVEY_ANSWER, COMPLAINT];

const complaintRow = (f: ComplaintRef, rest: Partial<Record<keyof typeof C, Value>>): Row => {
  const row: Row = [f.complaintId, f.organisationId, f.caseId, null, null, null, false, null, null, null, null];
  for (const [k, v] of Object.entries(rest)) row[C[k as keyof typeof C]] = v;
  return row;
};

const deadlineRow = (f: DeadlineRef, rest: Partial<Record<keyof typeof D, Value>>): Row => {
  const row: Row = [f.deadlineId, f.organisationId, f.caseId, f.rule, null, 0, null, null, null, null, null];
  for (const [k, v] of Object.entries(rest)) row[D[k as keyof typeof D]] = v;
  return row;
};

/** The row a fact states, and its table. */
export function rowOf(fact: Fact): { table: FactTable; row: Row } {
  switch (fact.kind) {
    case 'case-opened': {
      const f = fact.data;
      return { table: CASE, row: [f.caseId, f.organisationId, f.contractId, f.contractVersion, f.serviceLine, f.reference, f.receivedAt, f.openedAt] };
    }
    case 'case-closed': {
      const f = fact.data;
      return { table: CLOSURE, row: [f.caseId, f.closedAt, f.organisationId, f.outcome, f.outcomeExpected] };
    }
    case 'case-reopened': {
      const f = fact.data;
      return { table: REOPENING, row: [f.caseId, f.reopenedAt, f.organisationId, f.previouslyClosedAt] };
    }
    case 'case-ended': {
      const f = fact.data;
      return { table: CASE_END, row: [f.caseId, f.endedAt, f.organisationId, f.status] };
    }
    case 'deadline-due':
      return { table: DEADLINE, row: deadlineRow(fact.data, fact.data.dueAt === null ? {} : { dueAt: fact.data.dueAt, dueSequence: fact.data.sequence }) };
    case 'deadline-met':
      return { table: DEADLINE, row: deadlineRow(fact.data, { metAt: fact.data.metAt, metLate: fact.data.late }) };
    case 'deadline-breached':
      return { table: DEADLINE, row: deadlineRow(fact.data, { breachedAt: fact.data.breachedAt }) };
    case 'deadline-cancelled':
      return { table: DEADLINE, row: deadlineRow(fact.data, { cancelledAt: fact.data.cancelledAt }) };
    case 'deadline-corrected':
      return { table: DEADLINE, row: deadlineRow(fact.data, { correctedTo: fact.data.now }) };
    case 'multi-agency': {
      const f = fact.data;
      return { table: MULTI_AGENCY, row: [f.involvementId, f.organisationId, f.caseId, f.from, f.to] };
    }
    case 'milestone': {
      const f = fact.data;
      return { table: MILESTONE, row: [f.eventId, f.organisationId, f.caseId, f.milestone, f.occurredAt] };
    }
    case 'complaint-received': {
      const f = fact.data;
      return { table: COMPLAINT, row: complaintRow(f, { receivedAt: f.receivedAt, acknowledgeBy: f.acknowledgeBy, respondBy: f.respondBy }) };
    }
    case 'complaint-acknowledged': {
      const f = fact.data;
      const final = { respondBy: f.respondBy, respondByFinal: f.respondBy !== null };
      return { table: COMPLAINT, row: complaintRow(f, { receivedAt: f.receivedAt, acknowledgedAt: f.acknowledgedAt, acknowledgedLate: f.late, ...final }) };
    }
    case 'complaint-resolved': {
      const f = fact.data;
      return { table: COMPLAINT, row: complaintRow(f, { receivedAt: f.receivedAt, resolvedAt: f.resolvedAt, finding: f.finding }) };
    }
    case 'survey-answered': {
      const f = fact.data;
      return { table: SURVEY_ANSWER, row: [f.invitationId, f.organisationId, f.caseId, f.answeredAt, JSON.stringify(f.scores), JSON.stringify(f.flags)] };
    }
  }
}

/** Facts in stream order folded into one row per key and table, as their upserts one by one would leave them. */
export function foldFacts(facts: Iterable<Fact>): Map<FactTable, Row[]> {
  const byTable = new Map<FactTable, Map<string, Row>>();
  for (const fact of facts) {
    const { table, row } = rowOf(fact);
    let rows = byTable.get(table);
    if (!rows) byTable.set(table, (rows = new Map()));
    const key = table.keyColumns === 1 ? (row[0] as string) : `${row[0]}|${row[1]}`;
    const earlier = rows.get(key);
    if (earlier === undefined) rows.set(key, row);
    else if (table.merge) rows.set(key, table.merge(earlier, row));
  }
  return new Map([...byTable].map(([table, rows]) => [table, [...rows.values()]]));
}

/** One statement writing a table's folded rows: the columns as arrays, unnested, upserted by the table's rule. */
export function upsertStatement(schema: string, table: FactTable, rows: readonly Row[]): { sql: string; values: unknown[][] } {
  const names = table.columns.map(([c]) => c);
  const arrays = table.columns.map(([, type]) => `$${0}::${type}[]`);
  const sql = `INSERT INTO ${schema}.${table.name} AS t (${names.join(', ')})
    SELECT * FROM unnest(${arrays.map((a, i) => a.replace('$0', `$${i + 1}`)).join(', ')})
    ON CONFLICT (${names.slice(0, table.keyColumns).join(', ')}) ${table.onConflict}`;
  return { sql, values: table.columns.map((_, i) => rows.map((r) => r[i])) };
}
