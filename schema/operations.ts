import type { AuditRecordType } from '../domain/audit';
import type { Role } from '../domain/enums';

/*
 * The declaration of a capability's operations: which resolver classes it brings and, for each of
 * its root fields, who may call it and whether it touches patient data. Each capability writes its
 * own (resolvers/<capability>/<capability>.operations.ts); resolvers/operations.ts merges them, and
 * the permission tree, the audit middleware, the refused-request audit and the schema's resolver
 * list are all derived from the merge, so an operation is declared in one place only.
 */

/** `allow` value for a root field that every authenticated viewer may call, whatever their roles. */
export const ANY_VIEWER = 'ANY_VIEWER';

export interface RootFieldDeclaration {
  /** The roles that may call the field (any one of them suffices), or ANY_VIEWER. */
  allow: readonly Role[] | typeof ANY_VIEWER;
  /**
   * The record type of the access-log rows every attempt leaves, when the field reads or changes
   * patient data; null when it does not (its attempts are then not logged).
   */
  patientData: AuditRecordType | null;
}

export const ROOT_TYPES = ['Query', 'Mutation'] as const;
export type RootType = (typeof ROOT_TYPES)[number];

/** A resolver class as type-graphql's buildSchema takes it. */
// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export type ResolverClass = Function;

/** One capability's declaration; a capability without mutations leaves `Mutation` out. */
export interface CapabilityOperations extends Partial<Record<RootType, Record<string, RootFieldDeclaration>>> {
  /** Every resolver class of the capability, object-type resolvers included. */
  resolvers: readonly ResolverClass[];
}

/** Every capability's declarations together: each root field once. */
export interface OperationDeclarations extends Record<RootType, Record<string, RootFieldDeclaration>> {
  resolvers: readonly ResolverClass[];
}

/** Merges the capabilities' declarations; a root field declared twice is a programming error. */
export function mergeOperations(capabilities: readonly CapabilityOperations[]): OperationDeclarations {
  const merged: OperationDeclarations = { resolvers: [], Query: {}, Mutation: {} };
  for (const capability of capabilities) {
    merged.resolvers = [...merged.resolvers, ...capability.resolvers];
    for (const type of ROOT_TYPES) {
      for (const [field, declaration] of Object.entries(capability[type] ?? {})) {
        if (Object.hasOwn(merged[type], field)) throw new Error(`${type}.${field} is declared by two capabilities`);
        merged[type][field] = declaration;
      }
    }
  }
  return merged;
}

/** The root fields that touch patient data, per root type, with the record type they log. */
export type PatientDataFields = Record<RootType, Record<string, AuditRecordType>>;

export function patientDataFields(operations: OperationDeclarations): PatientDataFields {
  const of = (type: RootType) =>
    Object.fromEntries(Object.entries(operations[type]).flatMap(([field, d]) => (d.patientData ? [[field, d.patientData]] : [])));
  return { Query: of('Query'), Mutation: of('Mutation') };
}
