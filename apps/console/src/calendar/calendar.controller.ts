import { Controller, Get, Query, Req, Res, UseFilters } from '@nestjs/common';
import type { Request, Response } from 'express';
import { GatewayClient, GatewayProblem } from '../gateway/gateway.client';
import { ConsoleErrorFilter } from '../http/console-error.filter';
import { canWorkCases } from '../http/layout';
import { SignedInPerson } from '../http/signed-in';
import { calendarWeek } from './calendar-week';
import { calendarPage, type CalendarSession, type Choice } from './calendar.page';

/** Lists a person's roles may refuse (a mediator cannot list staff): the page offers what is left. */
const orNull = <T>(p: Promise<T>) => p.catch((e: unknown) => (e instanceof GatewayProblem && e.status === 403 ? null : Promise.reject(e)));

/** A case the person may not open (or one gone) is shown without its reference rather than failing the week. */
const orMissing = <T>(p: Promise<T>) => p.catch((e: unknown) => (e instanceof GatewayProblem && e.status < 500 ? null : Promise.reject(e)));

/**
 * A mediator's or a venue's sessions by London week. The URL carries only an id and a date
 * (`?who=staff:<id>&week=2026-12-07`): the name shown comes from the lists, never from the query.
 */
@Controller('calendar')
@UseFilters(ConsoleErrorFilter)
export class CalendarController {
  constructor(
    private readonly gateway: GatewayClient,
    private readonly person: SignedInPerson,
  ) {}

  @Get()
  async show(@Req() req: Request, @Res() res: Response, @Query('who') who?: string, @Query('week') asked?: string) {
    const me = await this.person.of(req, res);
    if (!canWorkCases(me.viewer.roles)) return res.redirect(303, '/');
    const get = <T>(path: string) => this.gateway.call<T>(me.token, 'GET', path);
    const [staff, venues] = await Promise.all([
      orNull(get<{ items: { id: string; name: string }[] }>('/v1/staff')),
      get<{ items: { id: string; name: string }[] }>('/v1/venues'),
    ]);
    const choices: Choice[] = [
      ...(staff?.items ?? []).map((s) => ({ value: `staff:${s.id}`, text: s.id === me.staffId ? `${s.name} (you)` : s.name, group: 'People' as const })),
      ...(!staff && me.staffId ? [{ value: `staff:${me.staffId}`, text: `${me.viewer.name} (you)`, group: 'People' as const }] : []),
      ...venues.items.map((v) => ({ value: `venue:${v.id}`, text: v.name, group: 'Venues' as const })),
    ];
    // Someone with a staff profile opens on their own week; anyone else chooses first.
    const wanted = who ?? (me.staffId ? `staff:${me.staffId}` : undefined);
    const chosen = choices.find((c) => c.value === wanted) ?? null;
    const week = calendarWeek(asked, new Date());
    let sessions: CalendarSession[] | null = null;
    if (chosen) {
      const [kind, id] = chosen.value.split(':');
      const query = new URLSearchParams({ from: week.from.toISOString(), to: week.to.toISOString(), [kind === 'staff' ? 'staffId' : 'venueId']: id });
      const { items } = await get<{ items: Omit<CalendarSession, 'caseReference'>[] }>(`/v1/sessions?${query}`);
      const references = new Map(
        await Promise.all(
          [...new Set(items.map((s) => s.caseId))].map(
            async (caseId) => [caseId, (await orMissing(get<{ reference: string }>(`/v1/cases/${caseId}`)))?.reference ?? null] as const,
          ),
        ),
      );
      sessions = items.map((s) => ({ ...s, caseReference: references.get(s.caseId) ?? null }));
    }
    res.type('html').send(
      calendarPage({
        viewer: me.viewer,
        csrf: me.csrf,
        choices,
        chosen,
        week,
        sessions,
        staffNames: new Map(staff ? staff.items.map((s) => [s.id, s.name]) : me.staffId ? [[me.staffId, me.viewer.name]] : []),
        venueNames: new Map(venues.items.map((v) => [v.id, v.name])),
        askedUnknown: who !== undefined && !chosen,
      }).toString(),
    );
  }
}
