import { SetMetadata } from '@nestjs/common';
import type { Role, Scope } from '@mediation/protocol';

/** The roles live in the protocol so request bodies validate against the same list. */
export { ROLES, type Role } from '@mediation/protocol';

export interface AccessRule {
  /** People with any of these roles may use the route. */
  roles: Role[];
  /** API keys need every one of these scopes; a route without scopes is closed to keys. */
  scopes: Scope[];
  /** Every API key may use the route whatever its scopes (it reveals only the key itself, e.g. `GET /v1/me`). */
  everyApiKey?: boolean;
}

export const ACCESS_RULE = 'mediation:access-rule';

/** Every /v1 route declares who may use it; a route that declares nothing is refused to everyone. */
export const Access = (rule: AccessRule) => SetMetadata(ACCESS_RULE, rule);
