import { SetMetadata } from '@nestjs/common';
import type { Scope } from './api-key';

export const REQUIRED_SCOPES = 'mediation:required-scopes';
export const PUBLIC_ROUTE = 'mediation:public-route';

/** Every /v1 route names the scopes it needs; a route that names none is refused to everyone. */
export const RequireScopes = (...scopes: Scope[]) => SetMetadata(REQUIRED_SCOPES, scopes);

/** Health, metrics and docs: readable without a key. */
export const Public = () => SetMetadata(PUBLIC_ROUTE, true);
