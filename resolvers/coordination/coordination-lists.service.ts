import { attentionCursor, birthDatesInBand } from '../../domain/coordination-lists';
import { PARAMETER } from '../../domain/rule-parameters';
import { isStorableText } from '../../domain/text';
import type { Access } from '../../server/access/access';
import type { CoordinationListRow } from '../../server/access/coordination-list.store';
import { BadUserInputError } from '../../schema/common/errors';
import { PageArgs, pageRequest, toConnection } from '../../schema/common/page';
import type { CoordinationCaseFilter } from '../../schema/coordination/coordination-list.type';

const MAX_QUIET_DAYS = 3650;

/** The young-adult band of the viewer's region on `today` (dated rule parameters). */
export async function youngAdultBand(access: Access, regionId: string, today: string) {
  const [from, to] = await Promise.all([
    access.reference.parameter<number>(PARAMETER.COORDINATION_YOUNG_ADULT_FROM_AGE, today, regionId),
    access.reference.parameter<number>(PARAMETER.COORDINATION_YOUNG_ADULT_TO_AGE, today, regionId),
  ]);
  return { from, to };
}

/** A page of a care unit's cases in attention order (see CoordinationListStore.cases), the filter checked first. */
export async function coordinationCases(access: Access, careUnitId: string, filter: CoordinationCaseFilter | null, page: PageArgs) {
  const viewer = access.requireViewer();
  const request = pageRequest(page, ['date', 'timestamp', 'uuid']);
  const quiet = filter?.daysSinceLastActivity ?? null;
  if (quiet !== null && (quiet < 0 || quiet > MAX_QUIET_DAYS)) throw new BadUserInputError(`filter.daysSinceLastActivity must be from 0 to ${MAX_QUIET_DAYS}`, 'filter.daysSinceLastActivity');
  const coordinator = filter?.coordinatorUserId ?? null;
  if (coordinator !== null && !(coordinator.length <= 200 && isStorableText(coordinator))) throw new BadUserInputError('filter.coordinatorUserId is not a user id', 'filter.coordinatorUserId');
  const today = await access.today();
  const rows = await access.coordinationLists.cases(
    {
      careUnitId,
      coordinatorUserId: coordinator,
      statuses: filter?.statuses?.length ? filter.statuses : null,
      quietForDays: quiet,
      sickLeaveEndsOnOrBefore: filter?.sickLeaveEndsOnOrBefore ?? null,
      occupations: filter?.occupations?.length ? filter.occupations : null,
      youngAdult: filter?.youngAdult == null ? null : { inBand: filter.youngAdult, ...birthDatesInBand(await youngAdultBand(access, viewer.regionId, today), today) },
    },
    request,
  );
  return toConnection(rows, (c: CoordinationListRow) => attentionCursor(c));
}

/** The open cases of a care unit per coordinator. */
export async function coordinationWorkload(access: Access, careUnitId: string) {
  const [coordinators, careUnit] = await Promise.all([access.coordinationLists.workload(careUnitId), access.reference.careUnit(careUnitId)]);
  return { careUnit, coordinators, openCases: coordinators.reduce((n, c) => n + c.openCases, 0) };
}
