import { Inject, Injectable } from '@nestjs/common';
import type { Request, Response } from 'express';
import { GatewayClient, SignedOut } from '../gateway/gateway.client';
import { CONSOLE_SESSIONS } from './console-sessions.provider';
import type { Viewer } from './layout';
import { ConsoleSessions } from './session';

export interface SignedIn {
  token: string;
  viewer: Viewer;
  userId: string;
  staffId: string | null;
  csrf: string;
  /** The only contracts the person may see (a commissioner's, a referrer's); null when not limited. */
  contractIds: string[] | null;
}

interface MeView {
  organisation: { name: string };
  user?: { id: string; name: string; staffId: string | null };
  roles: string[];
  contractIds?: string[];
}

/** Who is asking, from the gateway's /v1/me with their token; no token means sign in first. */
@Injectable()
export class SignedInPerson {
  constructor(
    private readonly gateway: GatewayClient,
    @Inject(CONSOLE_SESSIONS) private readonly sessions: ConsoleSessions,
  ) {}

  async of(req: Request, res: Response): Promise<SignedIn> {
    const token = this.sessions.token(req);
    if (!token) throw new SignedOut();
    const me = await this.gateway.call<MeView>(token, 'GET', '/v1/me');
    if (!me.user) throw new SignedOut();
    return {
      token,
      viewer: { name: me.user.name, organisation: me.organisation.name, roles: me.roles },
      userId: me.user.id,
      staffId: me.user.staffId,
      csrf: this.sessions.csrf(req, res),
      contractIds: me.contractIds ?? null,
    };
  }

  /** Every form post carries the token; a post without it (another site's form) is refused. */
  checkForm(req: Request): boolean {
    return this.sessions.csrfValid(req, (req.body as Record<string, unknown> | undefined)?.csrf);
  }
}
