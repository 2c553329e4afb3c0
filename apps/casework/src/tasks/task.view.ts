import { TaskViewSchema, type TaskView } from '@mediation/protocol';
import type { TaskRecord } from './task.repository';

export function toTaskView(row: TaskRecord): TaskView {
  return TaskViewSchema.parse({ ...row, dueOn: row.dueOn.toISOString().slice(0, 10), completedAt: row.completedAt?.toISOString() ?? null, createdAt: row.createdAt.toISOString() });
}
