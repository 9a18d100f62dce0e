import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { DateTimeISOResolver, LocalDateResolver } from 'graphql-scalars';
import { AccessLogBreak } from '../../domain/audit';

registerEnumType(AccessLogBreak, {
  name: 'AccessLogBreak',
  description: 'How a row of the access log fails the hash chain.',
  valuesConfig: {
    ALTERED: { description: 'The row was changed after it was written: its content no longer matches its hash.' },
    MISSING: { description: 'A row written before it was removed: a gap in the positions, or the row it was chained to is gone.' },
    REORDERED: { description: 'It is chained to another row than the one now before it: rows were moved.' },
    UNSEALED: { description: 'It has no place in the chain: it was written with the sealing trigger disabled.' },
  },
});

@ObjectType({
  description:
    "The result of recomputing the access log's hash chain for a region and period. Each row's hash covers its content and the previous row's hash, so a row changed, removed or reordered by anyone, the database owner included, breaks the chain from there on.",
})
export class AccessLogVerification {
  @Field(() => LocalDateResolver, { description: 'First day verified.' })
  from: string;

  @Field(() => LocalDateResolver, { description: 'Last day verified.' })
  to: string;

  @Field({ description: 'True when every row written in the period fits the chain.' })
  verified: boolean;

  @Field(() => Int, { description: 'Rows recomputed: those written in the period (a row written concurrently just outside it may be included).' })
  rowsChecked: number;

  @Field(() => ID, { nullable: true, description: 'The first row that does not fit (for a removed row: the row after the gap); null when intact.' })
  firstBrokenRowId: string | null;

  @Field(() => DateTimeISOResolver, { nullable: true, description: 'When the first row that does not fit says it was written; null when intact.' })
  firstBrokenAt: Date | null;

  @Field(() => AccessLogBreak, { nullable: true, description: 'How the first row that does not fit breaks the chain; null when intact.' })
  breakKind: AccessLogBreak | null;

  @Field(() => String, {
    nullable: true,
    description:
      'Hex SHA-256 of the last row verified; null when the period has none. Keep it outside the database: verifying the same period later must end on the same hash, or rows at its end were changed or removed.',
  })
  lastHash: string | null;
}
