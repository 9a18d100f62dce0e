import { AssociationMembershipEntity, CareUnitEntity, KvaCodeEntity, OrganisationEntity, RegionEntity, RuleParameterEntity } from '../../entities';
import { RowOf, selectList } from './entity-columns';

/** Plain rows as the access layer returns them: only what the API exposes, no entity hydration. */
const REGION = selectList(RegionEntity, 'r', ['createdAt']);
const ORGANISATION = selectList(OrganisationEntity, 'o', ['createdAt', 'updatedAt']);
const MEMBERSHIP = selectList(AssociationMembershipEntity, 'm');
const CARE_UNIT = selectList(CareUnitEntity, 'c', ['createdAt', 'updatedAt']);

export type RegionRow = RowOf<typeof REGION>;
export type OrganisationRow = RowOf<typeof ORGANISATION>;
export type MembershipRow = RowOf<typeof MEMBERSHIP>;
export type CareUnitRow = RowOf<typeof CARE_UNIT>;

export const REGION_COLUMNS = REGION.sql;
export const ORGANISATION_COLUMNS = ORGANISATION.sql;
export const MEMBERSHIP_COLUMNS = MEMBERSHIP.sql;
export const CARE_UNIT_COLUMNS = CARE_UNIT.sql;

/** A KVÅ code version as domain/sip.ts reads it (KvaCode). */
export const KVA_CODE_COLUMNS = selectList(KvaCodeEntity, 'kc', ['id', 'source']).sql;
/** A dated rule parameter as domain/rule-parameters.ts reads it (DatedParameter). */
export const RULE_PARAMETER_COLUMNS = selectList(RuleParameterEntity, 'rp', ['id', 'source', 'setByUserId', 'setByOrganisationId', 'setAt']).sql;

/** A rule parameter with who set it and when, as the API lists it (RuleParameterValue). */
const RULE_PARAMETER_RECORD = selectList(RuleParameterEntity, 'rp');
export type RuleParameterRow = RowOf<typeof RULE_PARAMETER_RECORD>;
export const RULE_PARAMETER_RECORD_COLUMNS = RULE_PARAMETER_RECORD.sql;
