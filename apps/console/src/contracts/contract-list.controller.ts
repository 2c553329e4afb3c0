import { Controller, Get, Req, Res, UseFilters } from '@nestjs/common';
import type { Request, Response } from 'express';
import { GatewayClient } from '../gateway/gateway.client';
import { ConsoleErrorFilter } from '../http/console-error.filter';
import { SignedInPerson } from '../http/signed-in';
import { contractListPage, type ContractRow } from './contract-list.page';

/** Where a commissioner starts: the contracts they are linked to (the gateway narrows the list, not the console). */
@Controller('contracts')
@UseFilters(ConsoleErrorFilter)
export class ContractListController {
  constructor(
    private readonly gateway: GatewayClient,
    private readonly person: SignedInPerson,
  ) {}

  @Get()
  async list(@Req() req: Request, @Res() res: Response) {
    const me = await this.person.of(req, res);
    const { items } = await this.gateway.call<{ items: ContractRow[] }>(me.token, 'GET', '/v1/contracts');
    res.type('html').send(contractListPage({ viewer: me.viewer, csrf: me.csrf, contracts: items }).toString());
  }
}
