import 'reflect-metadata';
import { GraphQLSchema, lexicographicSortSchema, printSchema } from 'graphql';
import { applyMiddleware } from 'graphql-middleware';
import { buildSchema, getMetadataStorage, NonEmptyArray } from 'type-graphql';
import { OPERATIONS } from '../resolvers/operations';
import { patientDataFields, ResolverClass } from '../schema/operations';
import { buildPermissions } from '../schema/permissions';
import { auditFailures } from './access/audit-middleware';

/** The executable schema as type-graphql builds it, before the permission layer. */
export function buildBareSchema(): Promise<GraphQLSchema> {
  // A field without a resolver of its own is read off its row by graphql's default resolver
  // (type-graphql's simpleResolvers), which the compiled executor inlines as a property read:
  // type-graphql would otherwise wrap each in a resolver of its own, for middleware that no
  // object field has (the permission and audit layers wrap root fields only).
  for (const type of getMetadataStorage().objectTypes) type.simpleResolvers ??= true;
  // Inputs are validated explicitly in services with the domain rules, so class-validator is off.
  return buildSchema({ resolvers: [...OPERATIONS.resolvers] as NonEmptyArray<ResolverClass>, validate: false });
}

/**
 * The schema the server runs: every root field behind the permission tree, and the patient-data
 * fields inside the audit middleware, which sits outside shield so that its denials are logged;
 * both are derived from the capabilities' declared operations.
 */
export async function buildAppSchema(): Promise<GraphQLSchema> {
  return applyMiddleware(await buildBareSchema(), auditFailures(patientDataFields(OPERATIONS)), buildPermissions(OPERATIONS));
}

/** The SDL committed as schema/schema.graphql, in a stable (sorted) order. */
export async function printAppSchema(): Promise<string> {
  return `${printSchema(lexicographicSortSchema(await buildBareSchema()))}\n`;
}
