import { Arg, Args, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import { DateTimeISOResolver } from 'graphql-scalars';
import { Country } from '../../domain/enums';
import { PageArgs, pageRequest, toConnection } from '../../schema/common/page';
import { PeriodInput } from '../../schema/common/period.input';
import { CareUnit } from '../../schema/organisation/care-unit.type';
import { Organisation } from '../../schema/organisation/organisation.type';
import { AccessLogVerification } from '../../schema/patient/access-log-verification.type';
import { AccessLogEntry, AccessLogEntryConnection, AccessLogReviewFilter, PatientAccess, PatientAccessConnection } from '../../schema/patient/access-log.type';
import type { AccessLogRow } from '../../server/access/access-log.store';
import { isUuid } from '../../domain/uuid';
import type { Context } from '../../server/context';
import { BadUserInputError } from '../../schema/common/errors';

const byPosition = (row: AccessLogRow) => [row.id];
const byTime = (row: AccessLogRow) => [row.atKey, row.id];

function periodArg(from: Date | null | undefined, to: Date | null | undefined) {
  if (from && to && to <= from) throw new BadUserInputError('to must be after from', 'to');
  return { from: from ?? undefined, to: to ?? undefined };
}

/** Who made an access: the same field resolvers for both views of the log. */
function AccessOriginResolver(type: typeof PatientAccess) {
  @Resolver(() => type)
  abstract class AccessOrigin {
    @FieldResolver(() => Organisation, { nullable: true, description: 'The organisation the user acted for; null for unauthenticated attempts.' })
    organisation(@Root() row: AccessLogRow, @Ctx() { access }: Context) {
      return row.organisationId ? access.reference.organisation(row.organisationId) : null;
    }

    @FieldResolver(() => CareUnit, { nullable: true, description: 'The care unit the user acted for, when the token named one.' })
    careUnit(@Root() row: AccessLogRow, @Ctx() { access }: Context) {
      return row.careUnitId ? access.reference.careUnit(row.careUnitId) : null;
    }
  }
  return AccessOrigin;
}

@Resolver(() => PatientAccess)
export class PatientAccessResolver extends AccessOriginResolver(PatientAccess) {
  @Query(() => PatientAccessConnection, {
    description: "Who accessed a patient's data and when, newest first (patientdatalagen 8 kap 5 §): for the organisation that keeps the record. Logged.",
  })
  async patientAccessLog(
    @Arg('patientId', () => ID, { description: 'The patient.' }) patientId: string,
    @Arg('from', () => DateTimeISOResolver, { nullable: true, description: 'Only accesses at or after this instant.' }) from: Date | null,
    @Arg('to', () => DateTimeISOResolver, { nullable: true, description: 'Only accesses before this instant.' }) to: Date | null,
    @Args() page: PageArgs,
    @Ctx() { access }: Context,
  ) {
    const rows = await access.accessLog.forPatient(patientId, periodArg(from, to), pageRequest(page, ['bigint']));
    return toConnection(rows, byPosition);
  }
}

@Resolver(() => AccessLogEntry)
export class AccessLogEntryResolver extends AccessOriginResolver(AccessLogEntry) {
  @Query(() => AccessLogEntryConnection, { description: 'The access log of your region, newest first (by time; rows of one instant by their position), for systematic follow-up (TENANT_ADMIN). Logged.' })
  async accessLogReview(
    @Arg('filter', () => AccessLogReviewFilter, { nullable: true, description: 'Which rows to review.' }) filter: AccessLogReviewFilter | null,
    @Args() page: PageArgs,
    @Ctx() { access }: Context,
  ) {
    const request = pageRequest(page, ['timestamp', 'bigint']);
    if (filter?.patientId && !isUuid(filter.patientId)) throw new BadUserInputError('filter.patientId is not a valid id', 'filter.patientId');
    const rows = await access.accessLog.review(
      { userId: filter?.userId ?? undefined, patientId: filter?.patientId ?? undefined, deniedOnly: filter?.deniedOnly ?? false, ...periodArg(filter?.from, filter?.to) },
      request,
    );
    return toConnection(rows, byTime);
  }
}

@Resolver(() => AccessLogVerification)
export class AccessLogVerificationResolver {
  @Query(() => AccessLogVerification, {
    description:
      "Recomputes the hash chain of your region's access log over a period (TENANT_ADMIN), showing the first row changed, removed or reordered since it was written. Logged.",
  })
  async accessLogVerify(
    @Arg('regionCode', { description: 'Your region, e.g. 20 (Dalarna); another region answers as an unknown code.' }) regionCode: string,
    @Arg('period', () => PeriodInput, { description: 'The days whose rows to verify (in the region\'s time zone), at most 3 years.' }) period: PeriodInput,
    @Arg('country', () => Country, { nullable: true, defaultValue: Country.SE, description: 'Country of the region code; default SE.' }) country: Country,
    @Ctx() { access }: Context,
  ): Promise<AccessLogVerification> {
    const result = await access.accessLog.verify(regionCode, country, period);
    return { from: period.from, to: period.to, verified: result.breakKind === null, ...result };
  }
}
