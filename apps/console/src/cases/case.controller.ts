import { Body, Controller, ForbiddenException, Get, Param, ParseUUIDPipe, Post, Query, Req, Res, UseFilters } from '@nestjs/common';
import type { Request, Response } from 'express';
import { Readable } from 'node:stream';
import { atLondonTime } from '@mediation/calendar';
import { GatewayClient, GatewayProblem } from '../gateway/gateway.client';
import { ConsoleErrorFilter } from '../http/console-error.filter';
import { SignedInPerson, type SignedIn } from '../http/signed-in';
import { casePage, type CaseDetail, type CasePageData } from './case.page';

/** What a finished action says on the page it returns to; the query names the action, never a person. */
const DONE: Record<string, string> = {
  referred: 'Referral received and the case opened',
  moved: 'The case moved on',
  closed: 'The case is closed; its report is being issued',
  assigned: 'Staff assigned',
  noted: 'Note added',
  booked: 'Session booked',
};

/** Reads that a person's roles may refuse (a mediator cannot list staff): the page shows the rest. */
const orNull = <T>(p: Promise<T>) => p.catch((e: unknown) => (e instanceof GatewayProblem && e.status === 403 ? null : Promise.reject(e)));

@Controller('cases')
@UseFilters(ConsoleErrorFilter)
export class CaseController {
  constructor(
    private readonly gateway: GatewayClient,
    private readonly person: SignedInPerson,
  ) {}

  @Get(':id')
  async show(@Req() req: Request, @Res() res: Response, @Param('id', ParseUUIDPipe) id: string, @Query('done') done?: string) {
    const me = await this.person.of(req, res);
    await this.render(res, me, id, { flash: done ? DONE[done] : undefined });
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
    return this.act(req, res, id, 'noted', (token) => this.gateway.call(token, 'POST', `/v1/cases/${id}/notes`, { body: body.body ?? '' }));
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
    const me = await this.person.of(req, res);
    const upstream = await this.gateway.download(me.token, `/v1/cases/${id}/reports/${reportId}`);
    res.status(200);
    for (const header of ['content-type', 'content-disposition', 'content-length']) {
      const value = upstream.headers.get(header);
      if (value) res.setHeader(header, value);
    }
    res.setHeader('cache-control', 'no-store');
    Readable.fromWeb(upstream.body as import('node:stream/web').ReadableStream).pipe(res);
  }

  /** Every change: check the form token, ask the API, then show the case again (with the API's problem when it refused). */
  private async act(req: Request, res: Response, id: string, done: string, work: (token: string) => Promise<unknown>) {
    if (!this.person.checkForm(req)) throw new ForbiddenException();
    const me = await this.person.of(req, res);
    try {
      await work(me.token);
    } catch (error) {
      if (!(error instanceof GatewayProblem) || error.status >= 500 || error.status === 404) throw error;
      const fields = error.problem.errors ?? [];
      const errors = fields.length
        ? fields.map((f) => ({ href: `#${FIELD_IDS[f.field] ?? 'moves'}`, text: /^[A-Z]/.test(f.message) ? f.message : `${f.field} ${f.message}` }))
        : [{ href: '#moves', text: error.message }];
      res.status(error.status);
      return this.render(res, me, id, { errors });
    }
    res.redirect(303, `/cases/${id}?done=${done}`);
  }

  private async render(res: Response, me: SignedIn, id: string, extra: Pick<CasePageData, 'flash' | 'errors'>) {
    const get = <T>(path: string) => this.gateway.call<T>(me.token, 'GET', path);
    const detail = await get<CaseDetail & { contractId: string }>(`/v1/cases/${id}`);
    const [parties, timeline, notes, sessions, reports, contract, staff] = await Promise.all([
      get<{ items: CasePageData['parties'] }>(`/v1/cases/${id}/parties`),
      get<{ entries: CasePageData['timeline'] }>(`/v1/cases/${id}/timeline`),
      get<{ items: CasePageData['notes'] }>(`/v1/cases/${id}/notes`),
      get<{ items: CasePageData['sessions'] }>(`/v1/cases/${id}/sessions`),
      get<{ items: CasePageData['reports'] }>(`/v1/cases/${id}/reports`),
      orNull(
        get<{ definition: { serviceLines: { key: string; outcomes: { key: string; label: string }[]; sessionTypes: { key: string; label: string }[] }[] } }>(
          `/v1/contracts/${detail.contractId}`,
        ),
      ),
      orNull(get<{ items: { id: string; name: string }[] }>('/v1/staff')),
    ]);
    const line = contract?.definition.serviceLines.find((l) => l.key === detail.serviceLine);
    res.type('html').send(
      casePage({
        viewer: me.viewer,
        csrf: me.csrf,
        detail,
        parties: parties.items,
        timeline: timeline.entries,
        notes: notes.items,
        sessions: sessions.items,
        reports: reports.items,
        outcomes: line?.outcomes ?? null,
        sessionTypes: line?.sessionTypes ?? null,
        staff: staff?.items ?? null,
        ...extra,
      }).toString(),
    );
  }
}

/** The form control each API field error belongs to, for the error summary's links. */
const FIELD_IDS: Record<string, string> = {
  outcome: 'outcome',
  reason: 'reason',
  body: 'note',
  staffId: 'staffId',
  role: 'role',
  to: 'moves',
  startsAt: 'date',
  endsAt: 'minutes',
  date: 'date',
  time: 'time',
  minutes: 'minutes',
  sessionType: 'sessionType',
  mode: 'mode',
  location: 'location',
  'staffIds.0': 'sessionStaff',
};

/** A London date and wall-clock time and a length, as the API's instants; a bad one is a 400 naming the field, as the API would. */
export function sessionTimes(date: string, time: string, minutes: string): { startsAt: string; endsAt: string } {
  const errors = [
    !/^\d{4}-\d{2}-\d{2}$/.test(date) && { field: 'date', message: 'Enter the date, for example 2027-03-27' },
    !/^([01]?\d|2[0-3]):[0-5]\d$/.test(time.trim()) && { field: 'time', message: 'Enter the start time, for example 14:30' },
    !(/^\d{1,3}$/.test(minutes.trim()) && Number(minutes) > 0) && { field: 'minutes', message: 'Enter the length in minutes, for example 60' },
  ].filter((e): e is { field: string; message: string } => Boolean(e));
  if (errors.length) throw new GatewayProblem(400, { title: 'Check the session', errors });
  const start = atLondonTime(date, time.trim());
  return { startsAt: start.toISOString(), endsAt: new Date(start.getTime() + Number(minutes) * 60_000).toISOString() };
}
