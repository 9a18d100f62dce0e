import { type DocumentNode, Kind } from 'graphql';
import * as sdkDocuments from '../../client-sdk/src/generated';

/** The names of the SDK's operations: the only operation names a metric or a span carries. */
const SDK_OPERATIONS: ReadonlySet<string> = new Set(
  (Object.values(sdkDocuments) as unknown[]).flatMap((value) =>
    (value as DocumentNode | null)?.kind === Kind.DOCUMENT
      ? (value as DocumentNode).definitions.flatMap((d) => (d.kind === Kind.OPERATION_DEFINITION && d.name ? [d.name.value] : []))
      : [],
  ),
);

/**
 * The operation's name as a label: an SDK operation's name, else "other". A client chooses the
 * name: a free one would let it write anything (a personnummer, a patient's name) into the metrics
 * and traces and grow one series per name; the SDK's names are a fixed, known set.
 */
export function operationLabel(name: string | null | undefined): string {
  return name && SDK_OPERATIONS.has(name) ? name : 'other';
}
