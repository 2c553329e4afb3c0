import { Controller, Get, Param, ParseUUIDPipe, Query, Req, Res, UseFilters } from '@nestjs/common';
import type { Request, Response } from 'express';
import { Readable } from 'node:stream';
import { londonDate } from '@mediation/calendar';
import { GatewayClient, GatewayProblem } from '../gateway/gateway.client';
import { ConsoleErrorFilter } from '../http/console-error.filter';
import { canReadContracts } from '../http/layout';
import { SignedInPerson, type SignedIn } from '../http/signed-in';
import { reportMonths } from './kpi-rag';
import { contractListPage, contractPage, type ContractChoice, type ContractPageData } from './contract.page';

/** Reads a person's roles may refuse (billing is finance's and the buyer's, not a case manager's): the page says so and shows the rest. */
const orNull = <T>(p: Promise<T>) => p.catch((e: unknown) => (e instanceof GatewayProblem && e.status === 403 ? null : Promise.reject(e)));

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

/**
 * A contract's month: KPIs against target (GET /v1/contracts/:id/kpis), the billing position this
 * contract year (GET /v1/contracts/:id/billing) and the month's KPI pack. A commissioner is limited by
 * the gateway to their own contracts; the console lists only those (their ids from GET /v1/me).
 */
@Controller('contracts')
@UseFilters(ConsoleErrorFilter)
export class ContractController {
  constructor(
    private readonly gateway: GatewayClient,
    private readonly person: SignedInPerson,
  ) {}

  @Get()
  async list(@Req() req: Request, @Res() res: Response) {
    const me = await this.person.of(req, res);
    if (!canReadContracts(me.viewer.roles)) return res.redirect(303, '/');
    const contracts = await this.choices(me);
    if (contracts.length === 1) return res.redirect(303, `/contracts/${contracts[0].id}`);
    res.type('html').send(contractListPage({ viewer: me.viewer, csrf: me.csrf, contracts }).toString());
  }

  @Get(':id')
  async show(@Req() req: Request, @Res() res: Response, @Param('id', new ParseUUIDPipe()) id: string, @Query('month') asked?: string) {
    const me = await this.person.of(req, res);
    if (!canReadContracts(me.viewer.roles)) return res.redirect(303, '/');
    const { month, choices } = reportMonths(asked, londonDate(new Date()).slice(0, 7));
    const get = <T>(path: string) => this.gateway.call<T>(me.token, 'GET', path);
    const [contract, kpis, billing, packs] = await Promise.all([
      me.contractIds ? null : orNull(get<ContractPageData['contract'] & object>(`/v1/contracts/${id}`)),
      get<ContractPageData['kpis']>(`/v1/contracts/${id}/kpis?period=${month}`),
      orNull(get<NonNullable<ContractPageData['billing']>>(`/v1/contracts/${id}/billing`)),
      get<{ items: { period: string; issue: number; issuedAt: string }[] }>(`/v1/contracts/${id}/reports`),
    ]);
    res.type('html').send(
      contractPage({
        viewer: me.viewer,
        csrf: me.csrf,
        id,
        contract,
        month,
        months: choices,
        kpis,
        billing,
        billingRefused: billing === null,
        pack: packs.items.filter((p) => p.period === month).sort((a, b) => b.issue - a.issue)[0] ?? null,
      }).toString(),
    );
  }

  /** The month's KPI pack as the gateway serves it (its newest issue), passed on as a download. */
  @Get(':id/packs/:period')
  async pack(@Req() req: Request, @Res() res: Response, @Param('id', new ParseUUIDPipe()) id: string, @Param('period') period: string) {
    const me = await this.person.of(req, res);
    if (!MONTH.test(period)) return res.redirect(303, `/contracts/${id}`);
    const file = await this.gateway.download(me.token, `/v1/contracts/${id}/reports/${period}`);
    res.setHeader('Content-Type', file.headers.get('content-type') ?? 'application/pdf');
    res.setHeader('Content-Disposition', file.headers.get('content-disposition') ?? `attachment; filename="kpi-pack-${period}.pdf"`);
    res.setHeader('Cache-Control', 'no-store');
    Readable.fromWeb(file.body as import('node:stream/web').ReadableStream).pipe(res);
  }

  private async choices(me: SignedIn): Promise<ContractChoice[]> {
    // The gateway lists only the contracts a person is linked to (a commissioner's), with their names.
    const { items } = await this.gateway.call<{ items: ContractChoice[] }>(me.token, 'GET', '/v1/contracts');
    return items;
  }
}
