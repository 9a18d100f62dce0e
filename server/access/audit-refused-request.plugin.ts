import { ApolloServerPlugin } from '@apollo/server';
import { Kind, OperationDefinitionNode, valueFromASTUntyped } from 'graphql';
import type { PatientDataFields } from '../../schema/operations';
import type { Context } from '../context';
import { safeError } from '../logger';
import { AuditRow } from './audit';
import { AuditOutcome } from '../../domain/audit';
import { Args, patientOf, recordOf } from './audit-middleware';

/** The patient-data root fields an operation names, with the arguments written in it. */
function namedPatientData(patientData: PatientDataFields, operation: OperationDefinitionNode, variables: Record<string, unknown>): AuditRow[] {
  const fields = operation.operation === 'query' ? patientData.Query : operation.operation === 'mutation' ? patientData.Mutation : undefined;
  if (!fields) return [];
  return operation.selectionSet.selections.flatMap((selection) => {
    if (selection.kind !== Kind.FIELD || !fields[selection.name.value]) return [];
    const recordType = fields[selection.name.value];
    const args: Args = {};
    for (const arg of selection.arguments ?? []) {
      try {
        args[arg.name.value] = valueFromASTUntyped(arg.value, variables);
      } catch {
        // An argument that cannot be read names no patient.
      }
    }
    return [{ action: selection.name.value, recordType, patientId: patientOf(args, recordType), recordId: recordOf(args), outcome: AuditOutcome.REJECTED }];
  });
}

/**
 * A request refused before it runs (invalid against the schema, over a limit, a variable of the
 * wrong type, unstorable text) never reaches the audit middleware, yet it named patient data: each
 * patient-data root field it names is logged here as a REJECTED attempt, against the patient its
 * arguments name. A request whose text does not parse names nothing that can be logged.
 */
export const auditRefusedRequests = (patientData: PatientDataFields): ApolloServerPlugin<Context> => ({
  async requestDidStart() {
    let executed = false;
    return {
      async executionDidStart() {
        executed = true;
      },
      async didEncounterErrors({ document, request, contextValue }) {
        if (executed || !document) return;
        const variables = request.variables && typeof request.variables === 'object' ? request.variables : {};
        const operations = document.definitions.filter(
          (d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION && (!request.operationName || d.name?.value === request.operationName),
        );
        const entries = operations.flatMap((operation) => namedPatientData(patientData, operation, variables));
        // The request is refused either way; a log that cannot be written is an error of its own.
        await contextValue.access.scope.log.write(entries).catch((error) => contextValue.access.logger.error({ error: safeError(error) }, 'access log not written for a refused request'));
      },
    };
  },
});
