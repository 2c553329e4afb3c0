import { Controller, Get, Req, Res, UseFilters } from '@nestjs/common';
import type { Request, Response } from 'express';
import { GatewayClient } from '../gateway/gateway.client';
import { ConsoleErrorFilter } from '../http/console-error.filter';
import { canWorkCases } from '../http/layout';
import { landingFor } from '../sign-in/landing';
import { SignedInPerson } from '../http/signed-in';
import { dueDeadlines, type DeadlineRow } from './due-deadlines';
import { myWorkPage, type CaseRow } from './my-work.page';

/** How many of the newest open cases the deadline list looks at: the API has no cross-case deadline list yet. */
const CASES_CHECKED = 25;

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
    const [all, mine] = await Promise.all([
      this.gateway.call<{ items: CaseRow[] }>(me.token, 'GET', '/v1/cases?limit=100'),
      me.staffId ? this.gateway.call<{ items: CaseRow[] }>(me.token, 'GET', `/v1/cases?assigneeStaffId=${me.staffId}&limit=100`) : null,
    ]);
    const open = all.items.filter((c) => c.status !== 'closed');
    const checked = open.slice(0, CASES_CHECKED);
    const perCase = await Promise.all(
      checked.map(async (c) => {
        const { items } = await this.gateway.call<{ items: Omit<DeadlineRow, 'caseId' | 'caseReference'>[] }>(me.token, 'GET', `/v1/cases/${c.id}/deadlines`);
        return items.map((d) => ({ ...d, caseId: c.id, caseReference: c.reference }));
      }),
    );
    res.type('html').send(
      myWorkPage({
        viewer: me.viewer,
        csrf: me.csrf,
        mine: mine ? mine.items.filter((c) => c.status !== 'closed') : null,
        open,
        deadlines: dueDeadlines(perCase.flat(), new Date()),
        checkedCases: checked.length,
      }).toString(),
    );
  }
}
