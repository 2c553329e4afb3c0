import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Query, Req, Res, UseFilters } from '@nestjs/common';
import type { Request, Response } from 'express';
import { GatewayClient } from '../gateway/gateway.client';
import { ConsoleErrorFilter } from '../http/console-error.filter';
import { noteBody, sessionTimes } from './case-forms';
import { CaseScreen, streamFile } from './case-screen';

/** What a finished action says on the page it returns to; the query names the action, never a person. */
const DONE: Record<string, string> = {
  referred: 'Referral received and the case opened',
  moved: 'The case moved on',
  closed: 'The case is closed; its report is being issued',
  assigned: 'Staff assigned',
  noted: 'Note added',
  booked: 'Session booked',
  held: 'The session is recorded as held',
  'not-attended': 'The session is recorded as not attended',
  'session-moved': 'The session moved; the parties and staff are sent the new time',
  'session-cancelled': 'The session is cancelled',
  'task-added': 'Task added',
  'task-done': 'Task marked done',
  certified: 'Certificate issued',
  'evidence-added': 'Exhibit added',
};

@Controller('cases')
@UseFilters(ConsoleErrorFilter)
export class CaseController {
  constructor(
    private readonly gateway: GatewayClient,
    private readonly screen: CaseScreen,
  ) {}

  @Get(':id')
  async show(@Req() req: Request, @Res() res: Response, @Param('id', ParseUUIDPipe) id: string, @Query('done') done?: string) {
    const me = await this.screen.person.of(req, res);
    await this.screen.render(res, me, id, { flash: done ? DONE[done] : undefined });
  }

  @Post(':id/transitions')
  move(@Req() req: Request, @Res() res: Response, @Param('id', ParseUUIDPipe) id: string, @Body() body: Record<string, string>) {
    return this.act(req, res, id, 'moved', (token) =>
      this.gateway.call(token, 'POST', `/v1/cases/${id}/transitions`, { to: body.to, ...(body.reason?.trim() ? { reason: body.reason.trim() } : {}) }),
    );
  }

  @Post(':id/close')
  close(@Req() req: Request, @Res() res: Response, @Param('id', ParseUUIDPipe) id: string, @Body() body: Record<string, string>) {
    const reason = body.reason?.trim();
    return this.act(req, res, id, 'closed', (token) =>
      this.gateway.call(token, 'POST', `/v1/cases/${id}/close`, { outcome: body.outcome, ...(reason ? { reason } : {}) }),
    );
  }

  @Post(':id/assignments')
  assign(@Req() req: Request, @Res() res: Response, @Param('id', ParseUUIDPipe) id: string, @Body() body: Record<string, string>) {
    return this.act(req, res, id, 'assigned', (token) =>
      this.gateway.call(token, 'POST', `/v1/cases/${id}/assignments`, { staffId: body.staffId, role: body.role }),
    );
  }

  @Post(':id/notes')
  note(@Req() req: Request, @Res() res: Response, @Param('id', ParseUUIDPipe) id: string, @Body() body: Record<string, string>) {
    return this.act(req, res, id, 'noted', (token) => this.gateway.call(token, 'POST', `/v1/cases/${id}/notes`, noteBody(body)));
  }

  @Post(':id/sessions')
  book(@Req() req: Request, @Res() res: Response, @Param('id', ParseUUIDPipe) id: string, @Body() body: Record<string, string>) {
    return this.act(req, res, id, 'booked', async (token) => {
      const { startsAt, endsAt } = sessionTimes(body.date ?? '', body.time ?? '', body.minutes ?? '');
      const { items: parties } = await this.gateway.call<{ items: { name: string; role: string }[] }>(token, 'GET', `/v1/cases/${id}/parties`);
      const location = body.location?.trim();
      return this.gateway.call(token, 'POST', `/v1/cases/${id}/sessions`, {
        sessionType: body.sessionType,
        mode: body.mode,
        ...(location ? { location } : {}),
        startsAt,
        endsAt,
        staffIds: [body.staffId],
        parties: parties.map((p) => ({ name: p.name, role: p.role })),
      });
    });
  }

  /** The PDF as issued, streamed from the gateway, never stored by the console. */
  @Get(':id/reports/:reportId')
  async report(@Req() req: Request, @Res() res: Response, @Param('id', ParseUUIDPipe) id: string, @Param('reportId', ParseUUIDPipe) reportId: string) {
    const me = await this.screen.person.of(req, res);
    streamFile(await this.gateway.download(me.token, `/v1/cases/${id}/reports/${reportId}`), res);
  }

  private act(req: Request, res: Response, id: string, done: string, work: (token: string) => Promise<unknown>) {
    return this.screen.actOnCase(req, res, id, done, work, 'moves');
  }
}
