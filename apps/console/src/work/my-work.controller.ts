import { Controller, Get, Param, ParseUUIDPipe, Post, Query, Req, Res, UseFilters } from '@nestjs/common';
import type { Request, Response } from 'express';
import { CaseScreen, mayChange } from '../cases/case-screen';
import { GatewayClient } from '../gateway/gateway.client';
import { ConsoleErrorFilter } from '../http/console-error.filter';
import { canWorkCases } from '../http/layout';
import { landingFor } from '../sign-in/landing';
import type { SignedIn } from '../http/signed-in';
import { deadlineHorizon, dueDeadlines, type DeadlineRow } from './due-deadlines';
import { myWorkPage, OVERDUE_TASKS, type CaseRow, type ComplaintRow, type TaskRow } from './my-work.page';

/** Complaints received and not yet acknowledged, the soonest acknowledge-by first (one without a date last). */
function toAcknowledge(complaints: readonly ComplaintRow[]): ComplaintRow[] {
  return complaints
    .filter((c) => c.status === 'received')
    .sort((a, b) => (a.acknowledgeBy ?? '9999').localeCompare(b.acknowledgeBy ?? '9999') || a.receivedAt.localeCompare(b.receivedAt));
}

/** What an action taken from My work says when it is back there; the query names the action, never a person. */
const DONE: Record<string, string> = {
  'task-done': 'Task marked done',
  'complaint-acknowledged': 'Complaint acknowledged; the complainant’s response date now runs from it',
};

@Controller()
@UseFilters(ConsoleErrorFilter)
export class MyWorkController {
  constructor(
    private readonly gateway: GatewayClient,
    private readonly screen: CaseScreen,
  ) {}

  @Get()
  async show(@Req() req: Request, @Res() res: Response, @Query('done') done?: string) {
    const me = await this.screen.person.of(req, res);
    if (!canWorkCases(me.viewer.roles)) return res.redirect(303, landingFor(me.viewer.roles));
    await this.draw(res, me, { flash: done ? DONE[done] : undefined });
  }

  /** "Mark done" on an overdue task: the Case page's /v1 verb, back to My work; a refusal (done meanwhile) in the error summary. */
  @Post('work/cases/:id/tasks/:taskId/complete')
  completeTask(@Req() req: Request, @Res() res: Response, @Param('id', ParseUUIDPipe) id: string, @Param('taskId', ParseUUIDPipe) taskId: string) {
    return this.screen.act(
      req,
      res,
      async (me) => {
        await this.gateway.call(me.token, 'POST', `/v1/cases/${id}/tasks/${taskId}/complete`, {});
        return '/?done=task-done';
      },
      (me, errors) => this.draw(res, me, { errors }),
      {},
      OVERDUE_TASKS,
    );
  }

  private async draw(res: Response, me: SignedIn, extra: { flash?: string; errors?: { href: string; text: string }[] }): Promise<void> {
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
    this.screen.send(
      res,
      myWorkPage({
        viewer: me.viewer,
        csrf: me.csrf,
        mine: mine ? mine.items.filter((c) => c.status !== 'closed') : null,
        open,
        deadlines: dueDeadlines(deadlines.items, now),
        tasks,
        tasksMineOnly: me.staffId !== null,
        complaints: toAcknowledge(complaints.items),
        may: mayChange(me.viewer.roles),
        ...extra,
      }),
    );
  }
}
