import { Body, Controller, ForbiddenException, Get, Param, ParseUUIDPipe, Post, Query, Req, Res, UseFilters } from '@nestjs/common';
import type { Request, Response } from 'express';
import { GatewayClient, GatewayProblem } from '../gateway/gateway.client';
import { ConsoleErrorFilter } from '../http/console-error.filter';
import { html } from '../http/html';
import { canWorkCases, page } from '../http/layout';
import { SignedInPerson, type SignedIn } from '../http/signed-in';
import { newReferralPage, referralStatus, type ReferralStatusView } from './new-referral.page';
import { toReferralBody, type ServiceLineDef } from './referral-form';

/** GET /v1/contracts/{id}/referral-form: the lines' forms without the contract's commercial terms, so a referrer may read it. */
interface ReferralFormView {
  contractId: string;
  title: string;
  serviceLines: ServiceLineDef[];
}

/** New referral: the form is the chosen contract's service-line form definition; the API judges what is sent. */
@Controller('referrals')
@UseFilters(ConsoleErrorFilter)
export class NewReferralController {
  constructor(
    private readonly gateway: GatewayClient,
    private readonly person: SignedInPerson,
  ) {}

  @Get('new')
  async show(@Req() req: Request, @Res() res: Response, @Query('contract') contractId?: string, @Query('line') lineKey?: string) {
    const me = await this.person.of(req, res);
    const chosen = await this.choose(me, res, contractId, lineKey);
    if (!chosen) return;
    res.type('html').send(newReferralPage({ viewer: me.viewer, csrf: me.csrf, ...chosen }).toString());
  }

  @Post('new')
  async submit(
    @Req() req: Request,
    @Res() res: Response,
    @Body() form: Record<string, string>,
    @Query('contract') contractId?: string,
    @Query('line') lineKey?: string,
  ) {
    if (!this.person.checkForm(req)) throw new ForbiddenException();
    const me = await this.person.of(req, res);
    const chosen = await this.choose(me, res, contractId, lineKey);
    if (!chosen) return;
    const body = toReferralBody(chosen.contract.id, chosen.line, form, me.viewer.name, new Date());
    try {
      const referral = await this.gateway.call<{ id: string; reference: string }>(me.token, 'POST', '/v1/referrals', body);
      // A referrer may not open cases: they get the referral's own page, with its reference.
      const caseId = canWorkCases(me.viewer.roles) ? await this.caseOf(me.token, referral.id) : null;
      return res.redirect(303, caseId ? `/cases/${caseId}?done=referred` : `/referrals/${referral.id}`);
    } catch (error) {
      if (!(error instanceof GatewayProblem) || error.status !== 400) throw error;
      const errors = error.problem.errors?.length ? error.problem.errors : [{ field: '(body)', message: error.message }];
      res
        .status(400)
        .type('html')
        .send(newReferralPage({ viewer: me.viewer, csrf: me.csrf, ...chosen, form, errors }).toString());
    }
  }

  /** While casework opens the case (a moment after intake answers), the referral page says so and refreshes. */
  @Get(':id')
  async waiting(@Req() req: Request, @Res() res: Response, @Param('id', ParseUUIDPipe) id: string) {
    const me = await this.person.of(req, res);
    const referral = await this.gateway.call<ReferralStatusView>(me.token, 'GET', `/v1/referrals/${id}`);
    const worksCases = canWorkCases(me.viewer.roles);
    if (referral.caseId && worksCases) return res.redirect(303, `/cases/${referral.caseId}?done=referred`);
    if (worksCases && !referral.caseId && referral.status !== 'rejected') res.setHeader('Refresh', '2');
    res
      .type('html')
      .send(
        page(
          { title: `Referral ${referral.reference}`, viewer: me.viewer, csrf: me.csrf, current: 'referral' },
          referralStatus(referral, worksCases),
        ).toString(),
      );
  }

  private async caseOf(token: string, referralId: string): Promise<string | null> {
    for (let i = 0; i < 20; i += 1) {
      const referral = await this.gateway.call<{ caseId: string | null; status: string }>(token, 'GET', `/v1/referrals/${referralId}`);
      if (referral.caseId || referral.status === 'rejected') return referral.caseId;
      await new Promise((r) => setTimeout(r, 150));
    }
    return null;
  }

  /** The contract and line: the only active one, or the one asked for; several: a page to choose. */
  private async choose(me: SignedIn, res: Response, contractId?: string, lineKey?: string) {
    const { items } = await this.gateway.call<{ items: { id: string; title: string; status: string }[] }>(me.token, 'GET', '/v1/contracts');
    const active = items.filter((c) => c.status === 'active');
    const pick = active.find((c) => c.id === contractId) ?? (active.length === 1 ? active[0] : undefined);
    if (!pick) {
      res.type('html').send(
        page(
          { title: 'Choose a contract', viewer: me.viewer, csrf: me.csrf, current: 'referral' },
          active.length
            ? html`<h1 class="govuk-heading-l">Which contract is the referral for?</h1>
                <ul class="govuk-list">
                  ${active.map((c) => html`<li><a class="govuk-link" href="/referrals/new?contract=${c.id}">${c.title}</a></li>`)}
                </ul>`
            : html`<h1 class="govuk-heading-l">No contract takes referrals yet</h1>
                <p class="govuk-body">A contract must be published before referrals can be made. Ask your administrator.</p>`,
        ).toString(),
      );
      return null;
    }
    const form = await this.gateway.call<ReferralFormView>(me.token, 'GET', `/v1/contracts/${pick.id}/referral-form`);
    const contract = { id: form.contractId, title: form.title };
    const lines = form.serviceLines;
    const line = lines.find((l) => l.key === lineKey) ?? (lines.length === 1 ? lines[0] : undefined);
    if (!line) {
      res.type('html').send(
        page(
          { title: 'Choose a service', viewer: me.viewer, csrf: me.csrf, current: 'referral' },
          html`<h1 class="govuk-heading-l">Which service is the referral for?</h1>
            <ul class="govuk-list">
              ${lines.map((l) => html`<li><a class="govuk-link" href="/referrals/new?contract=${contract.id}&amp;line=${l.key}">${l.name}</a></li>`)}
            </ul>`,
        ).toString(),
      );
      return null;
    }
    return { contract, line };
  }
}
