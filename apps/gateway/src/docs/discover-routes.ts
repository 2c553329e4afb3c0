import { RequestMethod, type INestApplication } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { DiscoveryService, MetadataScanner } from '@nestjs/core';
import { roleScopeMismatches } from '@mediation/protocol';
import { ACCESS_RULE, type AccessRule } from '../auth/access';
import { PUBLIC_ROUTE } from '../auth/public.decorator';
import { NEED_TO_KNOW, type CaseOf } from '../cases/case-need-to-know.guard';
import { API_OPERATION, type ApiOperationSpec } from '../http/api-operation.decorator';

export interface DiscoveredRoute {
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  /** OpenAPI style: `/v1/cases/{id}`. */
  path: string;
  /** The controller's resource and the handler's name, e.g. `referralsCreate`: what generated SDKs name the method. */
  operationId: string;
  operation?: ApiOperationSpec;
  access?: AccessRule;
  isPublic: boolean;
  /** Set on routes of a case's sensitive data that a mediator may use only on cases they are assigned to. */
  needToKnow?: CaseOf;
}

const METHODS: Partial<Record<RequestMethod, DiscoveredRoute['method']>> = {
  [RequestMethod.GET]: 'get',
  [RequestMethod.POST]: 'post',
  [RequestMethod.PUT]: 'put',
  [RequestMethod.PATCH]: 'patch',
  [RequestMethod.DELETE]: 'delete',
};

/** Every /v1 route the gateway really serves, with its declared contract and access rule. */
export function discoverRoutes(app: INestApplication): DiscoveredRoute[] {
  const scanner = app.get(MetadataScanner);
  const routes: DiscoveredRoute[] = [];
  for (const wrapper of app.get(DiscoveryService).getControllers()) {
    const instance = wrapper.instance as object | undefined;
    if (!instance || !wrapper.metatype) continue;
    const base = String(Reflect.getMetadata(PATH_METADATA, wrapper.metatype) ?? '');
    if (!base.startsWith('v1')) continue;
    const prototype = Object.getPrototypeOf(instance);
    const resource = wrapper.metatype.name.replace(/Controller$/, '');
    for (const name of scanner.getAllMethodNames(prototype)) {
      const handler = prototype[name];
      const method = METHODS[Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod];
      if (!method) continue;
      const sub = String(Reflect.getMetadata(PATH_METADATA, handler) ?? '');
      const path = `/${[base, sub].filter((p) => p && p !== '/').join('/')}`.replace(/\/+/g, '/').replace(/:([A-Za-z]+)/g, '{$1}');
      routes.push({
        method,
        path,
        operationId: `${resource.charAt(0).toLowerCase()}${resource.slice(1)}${name.charAt(0).toUpperCase()}${name.slice(1)}`,
        operation: Reflect.getMetadata(API_OPERATION, handler),
        access: Reflect.getMetadata(ACCESS_RULE, handler) ?? Reflect.getMetadata(ACCESS_RULE, wrapper.metatype),
        isPublic: Boolean(Reflect.getMetadata(PUBLIC_ROUTE, handler) ?? Reflect.getMetadata(PUBLIC_ROUTE, wrapper.metatype)),
        needToKnow: Reflect.getMetadata(NEED_TO_KNOW, handler),
      });
    }
  }
  return routes.sort((a, b) => a.path.localeCompare(b.path) || a.method.localeCompare(b.method));
}

/** Fail fast at boot: a /v1 route with no access rule or no declared contract is a mistake. */
export function assertRoutesDeclared(routes: DiscoveredRoute[]): void {
  const undeclared = routes.filter((r) => !r.operation || (!r.access && !r.isPublic)).map((r) => `${r.method.toUpperCase()} ${r.path}`);
  if (undeclared.length > 0) throw new Error(`these routes lack @Access or @ApiOperation: ${undeclared.join(', ')}`);
}

/** Fail fast at boot: two routes with one operationId would give a generated SDK one method for both. */
export function assertOperationIdsUnique(routes: DiscoveredRoute[]): void {
  const seen = new Map<string, string>();
  const clashes: string[] = [];
  for (const r of routes) {
    const route = `${r.method.toUpperCase()} ${r.path}`;
    const other = seen.get(r.operationId);
    if (other) clashes.push(`${r.operationId} (${other} and ${route})`);
    seen.set(r.operationId, route);
  }
  if (clashes.length > 0) throw new Error(`rename a controller or handler: these operationIds are shared: ${clashes.join(', ')}`);
}

/** Fail fast at boot: people and keys compare through ROLE_SCOPES, so it must say what the routes say. */
export function assertRoleScopesTrue(routes: DiscoveredRoute[]): void {
  const mismatches = roleScopeMismatches(routes.flatMap((r) => (r.access ? [{ route: `${r.method.toUpperCase()} ${r.path}`, ...r.access }] : [])));
  if (mismatches.length > 0) throw new Error(`ROLE_SCOPES (libs/protocol) disagrees with the routes: ${mismatches.join('; ')}`);
}
