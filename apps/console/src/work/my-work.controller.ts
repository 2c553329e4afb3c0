import { Controller, Get, Req, Res, UseFilters } from '@nestjs/common';
import type { Request, Response } from 'express';
import { GatewayClient } from '../gateway/gateway.client';
import { ConsoleErrorFilter } from '../http/console-error.filter';
import { canWorkCases } from '../http/layout';
import { landingFor } from '../sign-in/landing';
import { SignedInPerson } from '../http/signed-in';
import { deadlineHorizon, dueDeadlines, type DeadlineRow } from './due-deadlines';
import { myWorkPage, type CaseRow, type ComplaintRow, type TaskRow } from './my-work.page';

/** Complaints received and not yet acknowledged, the soonest acknowledge-by first (one without a date last). */
function toAcknowledge(complaints: readonly ComplaintRow[]): ComplaintRow[] {
  return complaints
    .filter((c) => c.status === 'received')
    .sort((a, b) => (a.acknowledgeBy ?? '9999').localeCompare(b.acknowledgeBy ?? '9999') || a.receivedAt.localeCompare(b.receivedAt));
}

@Controller()
@UseFilters(ConsoleErrorFilter)
export class MyWorkController {
  constructor(
    private readonly gateway: GatewayClient,
    private readonly person: SignedInPerson,
  ) {}

  @Get()
  async show(@Req() req: Request, @Res() res: Response) {
    const me = await this.person.of(req, res);
    if (!canWorkCases(me.viewer.roles)) return res.redirect(303, landingFor(me.viewer.roles));
    const now = new Date();
    const [all, mine, overdueTasks, complaints, deadlines] = await Promise.all([
      this.gateway.call<{ items: CaseRow[] }>(me.token, 'GET', '/v1/cases?limit=100'),
      me.staffId ? this.gateway.call<{ items: CaseRow[] }>(me.token, 'GET', `/v1/cases?assigneeStaffId=${me.staffId}&limit=100`) : null,
      this.gateway.call<{ items: TaskRow[] }>(me.token, 'GET', '/v1/tasks?status=overdue'),
      this.gateway.call<{ items: ComplaintRow[] }>(me.token, 'GET', '/v1/complaints?status=open'),
      this.gateway.call<{ items: DeadlineRow[] }>(me.token, 'GET', `/v1/deadlines?dueBefore=${deadlineHorizon(now).toISOString()}`),
    ]);
    // Someone with a staff profile sees the tasks set for them or on their cases; an administrator without one, every overdue task.
    const myCaseIds = new Set(mine?.items.map((c) => c.id) ?? []);
    const tasks = me.staffId ? overdueTasks.items.filter((t) => t.assigneeStaffId === me.staffId || myCaseIds.has(t.caseId)) : overdueTasks.items;
    const open = all.items.filter((c) => c.status !== 'closed');
    res.type('html').send(
      myWorkPage({
        viewer: me.viewer,
        csrf: me.csrf,
        mine: mine ? mine.items.filter((c) => c.status !== 'closed') : null,
        open,
        deadlines: dueDeadlines(deadlines.items, now),
        tasks,
        tasksMineOnly: me.staffId !== null,
        complaints: toAcknowledge(complaints.items),
      }).toString(),
    );
  }
}
