import { LocalAuthorityViewSchema, type DataReturnRule, type DataReturnView, type LocalAuthorityView } from '@mediation/protocol';
import { fromDateColumn } from '../staff/staff.repository';
import { dueOn, expectedPeriods, returnState } from './data-return-calendar';
import type { DataReturnRecord, LocalAuthorityRecord } from './local-authority.repository';

export function toLocalAuthorityView(row: LocalAuthorityRecord): LocalAuthorityView {
  return LocalAuthorityViewSchema.parse({
    id: row.id,
    contractId: row.contractId,
    key: row.key,
    name: row.name,
    onboardedOn: fromDateColumn(row.onboardedOn),
    contact: { name: row.contactName, email: row.contactEmail },
    addedAt: row.addedAt.toISOString(),
  });
}

/** One month's return as it stands on a London day. */
export function toDataReturnView(
  authority: LocalAuthorityRecord,
  period: string,
  rule: DataReturnRule,
  today: string,
  received: DataReturnRecord | undefined,
  notices: readonly { period: string; kind: string; sentAt: Date }[],
): DataReturnView {
  const due = received ? fromDateColumn(received.dueOn) : dueOn(period, rule);
  const receivedOn = received ? fromDateColumn(received.receivedOn) : null;
  const sent = (kind: string) => notices.find((n) => n.period === period && n.kind === kind)?.sentAt.toISOString() ?? null;
  return {
    localAuthorityId: authority.id,
    period,
    dueOn: due,
    state: returnState(due, receivedOn, today),
    receivedOn,
    remindedAt: sent('reminder'),
    missingNoticeAt: sent('missing'),
  };
}

/** Every month expected of the authority (and any received beyond them), newest first. */
export function returnPeriods(authority: LocalAuthorityRecord, received: readonly DataReturnRecord[], today: string): string[] {
  const periods = new Set([...expectedPeriods(fromDateColumn(authority.onboardedOn), today), ...received.map((r) => r.period)]);
  return [...periods].sort().reverse();
}
