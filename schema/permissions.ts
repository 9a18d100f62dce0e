import { GraphQLError, GraphQLSchema } from 'graphql';
import { IMiddlewareGenerator, IMiddlewareTypeMap, middleware } from 'graphql-middleware';
import { deny, IRule, rule, shield } from 'graphql-shield';
import type { Role } from '../domain/enums';
import { ForbiddenError } from './common/errors';
import { ANY_VIEWER, OperationDeclarations, RootFieldDeclaration, ROOT_TYPES } from './operations';

/** What the gate reads of a request: the viewer's roles, and the error for a request without a valid token. */
export interface GateContext {
  access: { viewer: { roles: ReadonlySet<Role> } | null; unauthenticated(): GraphQLError };
}

/*
 * The coarse gate (graphql-shield): who may call which root field, built from the operations the
 * capabilities declare. Row-level rules (tenant, participation) live in the access layer. Rules
 * here depend on the viewer only, so the `contextual` cache is safe.
 */
const isAuthenticated = rule('is-authenticated', { cache: 'contextual' })((_parent, _args, ctx: GateContext) =>
  ctx.access.viewer ? true : ctx.access.unauthenticated(),
);

const hasAnyRole = (roles: readonly Role[]) =>
  rule(`has-role-${roles.join('-')}`, { cache: 'contextual' })((_parent, _args, ctx: GateContext) => {
    const viewer = ctx.access.viewer;
    if (!viewer) return ctx.access.unauthenticated();
    return roles.some((r) => viewer.roles.has(r)) ? true : new ForbiddenError(`This needs one of the roles ${roles.join(', ')}`);
  });

/**
 * The permission middleware over the declared root fields. A root field nobody declared is
 * FORBIDDEN (the `'*'` rule of its type). Only root fields are wrapped: object types are reached
 * through them alone, and their rows are filtered by the access layer; a shield wrapper on every
 * field of every type would cost each field an asynchronous rule for nothing.
 */
export function buildPermissions(operations: OperationDeclarations): IMiddlewareGenerator<unknown, GateContext, unknown> {
  // One rule per set of roles: shield caches a decision by rule name and refuses two rules of one name.
  const roleRules = new Map<string, IRule>();
  const ruleOf = ({ allow }: RootFieldDeclaration): IRule => {
    if (allow === ANY_VIEWER) return isAuthenticated;
    const key = allow.join('-');
    if (!roleRules.has(key)) roleRules.set(key, hasAnyRole(allow));
    return roleRules.get(key)!;
  };
  const tree = Object.fromEntries(
    ROOT_TYPES.map((type) => [
      type,
      { '*': deny, ...Object.fromEntries(Object.entries(operations[type]).map(([field, declaration]) => [field, ruleOf(declaration)])) },
    ]),
  );
  const gate = shield(tree, {
    fallbackRule: deny,
    allowExternalErrors: false,
    // A denial (err === null) is FORBIDDEN; an error thrown by a rule or resolver passes on
    // unchanged, and the server's error formatter masks it unless it is a coded error.
    fallbackError: (err: unknown) => (err ? (err as GraphQLError) : new ForbiddenError('You may not read or change this')),
  });
  return middleware((schema: GraphQLSchema) => {
    const generated = gate.generate(schema) as IMiddlewareTypeMap;
    return Object.fromEntries(ROOT_TYPES.map((type) => [type, generated[type]]));
  });
}
