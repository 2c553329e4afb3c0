import { ProblemError } from '@mediation/platform';
import { ALL_SCOPES, scopesOfRoles, type Scope } from '@mediation/protocol';
import type { Principal } from './principal';

/**
 * What a caller holds, in scopes (ROLE_SCOPES makes a person's roles comparable with a key's scopes):
 * it may grant only what it holds, and may not change, disable or set the password of anyone who
 * holds more. The ops CLI acts as the operator, who holds everything (it makes the first administrator).
 */
export class Authority {
  private constructor(
    private readonly held: ReadonlySet<string>,
    /** Who lacks a scope, in a refusal: "your roles lack …", "this API key lacks …". */
    private readonly holder: string,
  ) {}

  static of(principal: Principal): Authority {
    return principal.actorType === 'api-key'
      ? new Authority(new Set(principal.scopes), 'this API key lacks')
      : new Authority(scopesOfRoles(principal.roles), 'your roles lack');
  }

  static readonly operator = new Authority(new Set(ALL_SCOPES), 'the operator lacks');

  /** 403 naming the field when a role given amounts to a scope the caller does not hold. */
  assertMayGrantRoles(roles: readonly string[], field = 'roles'): void {
    const beyond = roles.filter((role) => this.lacking([role]).length > 0);
    if (beyond.length > 0) throw refusal(field, `you cannot grant ${beyond.join(', ')}: ${this.holder} ${this.lacking(beyond).join(', ')}`);
  }

  /** 403 naming the field when a scope given is not held by the caller. */
  assertMayGrantScopes(scopes: readonly Scope[], field = 'scopes'): void {
    const beyond = scopes.filter((scope) => !this.held.has(scope));
    if (beyond.length > 0) throw refusal(field, `you cannot grant ${beyond.join(', ')}: ${this.holder} ${beyond.length > 1 ? 'them' : 'it'}`);
  }

  /** 403 when a person acted on holds more than the caller (a key with only users:write and an administrator). */
  assertMayManage(person: { roles: readonly string[] }, action: string): void {
    const beyond = this.lacking(person.roles);
    if (beyond.length > 0) throw ProblemError.forbidden(`You cannot ${action} a person who holds more than you: ${this.holder} ${beyond.join(', ')}.`);
  }

  /** 403 unless the caller holds everything these people do (whoever controls their sign-in can become any of them). */
  assertHoldsAllOf(people: readonly { roles: readonly string[] }[], action: string): void {
    const beyond = this.lacking(people.flatMap((p) => p.roles));
    if (beyond.length > 0)
      throw ProblemError.forbidden(`You cannot ${action}: it could sign in as people who hold more than you (${this.holder} ${beyond.join(', ')}).`);
  }

  private lacking(roles: readonly string[]): string[] {
    return [...scopesOfRoles(roles)].filter((scope) => !this.held.has(scope));
  }
}

function refusal(field: string, message: string): ProblemError {
  const { problem } = ProblemError.forbidden(`${message[0].toUpperCase()}${message.slice(1)}.`);
  return new ProblemError({ ...problem, errors: [{ field, message, code: 'beyond_your_authority' }] });
}
