import 'reflect-metadata';
import { execute, GraphQLObjectType, GraphQLSchema, parse } from 'graphql';
import { applyMiddleware } from 'graphql-middleware';
import { Role } from '../../domain/enums';
import { OPERATIONS } from '../../resolvers/operations';
import { UnauthenticatedError } from '../../schema/common/errors';
import { ANY_VIEWER, mergeOperations, OperationDeclarations, ROOT_TYPES } from '../../schema/operations';
import { buildPermissions } from '../../schema/permissions';
import { buildBareSchema } from '../../server/schema';

let schema: GraphQLSchema;
beforeAll(async () => {
  schema = await buildBareSchema();
});

/**
 * Runs a document through the permission layer built from `declared`, as a viewer holding `roles`.
 * The data access is a stand-in that records whether a resolver went past the gate.
 */
async function asViewer(roles: Role[], declared: OperationDeclarations, document: string) {
  let reachedResolver = false;
  const gateReads = { viewer: { roles: new Set(roles) }, unauthenticated: () => new UnauthenticatedError() };
  const access = new Proxy(gateReads, {
    get(target, property) {
      if (property in target) return target[property as keyof typeof target];
      reachedResolver = true;
      throw new Error('the resolver asked the data access');
    },
  });
  const result = await execute({ schema: applyMiddleware(schema, buildPermissions(declared)), document: parse(document), contextValue: { access } });
  return { reachedResolver, errors: result.errors ?? [] };
}

describe('declared operations', () => {
  it('declare every root field of the schema, and nothing else', () => {
    for (const type of ROOT_TYPES) {
      const fields = Object.keys((schema.getType(type) as GraphQLObjectType).getFields());
      expect(Object.keys(OPERATIONS[type]).sort()).toEqual(fields.sort());
    }
  });

  it('refuse a root field declared by two capabilities', () => {
    const reads = { allow: ANY_VIEWER, patientData: null } as const;
    expect(() => mergeOperations([{ resolvers: [], Query: { regions: reads } }, { resolvers: [], Query: { regions: reads } }])).toThrow(
      'Query.regions is declared by two capabilities',
    );
  });

  it('bring every resolver class once', () => {
    expect(new Set(OPERATIONS.resolvers).size).toBe(OPERATIONS.resolvers.length);
  });
});

describe('the permission tree built from them', () => {
  const regions = '{ regions { pageInfo { hasNextPage } } }';
  const everyRole = Object.values(Role);

  it('lets a declared root field through to its resolver', async () => {
    const { reachedResolver, errors } = await asViewer(everyRole, OPERATIONS, regions);
    expect(reachedResolver).toBe(true);
    expect(errors.map((e) => e.extensions?.code)).not.toContain('FORBIDDEN');
  });

  it('refuses a root field nobody declared, whoever asks', async () => {
    const { regions: _undeclared, ...rest } = OPERATIONS.Query;
    const { reachedResolver, errors } = await asViewer(everyRole, { ...OPERATIONS, Query: rest }, regions);
    expect(reachedResolver).toBe(false);
    expect(errors.map((e) => [e.path, e.extensions?.code])).toEqual([[['regions'], 'FORBIDDEN']]);
  });

  it('refuses a viewer without one of the declared roles, naming them', async () => {
    const declared = { ...OPERATIONS, Query: { ...OPERATIONS.Query, regions: { allow: [Role.PLANNER, Role.TENANT_ADMIN], patientData: null } } };
    const { reachedResolver, errors } = await asViewer([Role.CARE_STAFF, Role.INTEGRATION], declared, regions);
    expect(reachedResolver).toBe(false);
    expect(errors.map((e) => [e.message, e.extensions?.code])).toEqual([['This needs one of the roles PLANNER, TENANT_ADMIN', 'FORBIDDEN']]);
  });
});
