import { endOfLondonDay } from '@mediation/calendar';
import { TaskViewSchema, type TaskView } from '@mediation/protocol';
import type { TaskRecord } from './task.repository';

/** `overdue` is as of `now` (the injected clock): open and past the end of its due day in London. */
export function toTaskView(row: TaskRecord, now: Date): TaskView {
  const dueOn = row.dueOn.toISOString().slice(0, 10);
  return TaskViewSchema.parse({
    ...row,
    dueOn,
    completedAt: row.completedAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
    overdue: row.completedAt === null && now.getTime() > endOfLondonDay(dueOn).getTime(),
  });
}
