import { randomUUID } from 'node:crypto';
import { Role } from '../../domain/enums';
import { decideRuleParameterSet, OwnParameterValue, RuleParameterSetRequest } from '../../domain/rule-parameter-change';
import { parametersInForce } from '../../domain/rule-parameters';
import { Page, PageRequest } from '../../schema/common/page';
import { BadUserInputError, NotFoundError } from '../../schema/common/errors';
import type { RequestScope } from './request-scope';
import { RULE_PARAMETER_RECORD_COLUMNS, RuleParameterRow } from './rows';
import { pageByKey } from './sql';
import { Where } from './where';

const NEWEST_FIRST = [
  { column: 'rp.valid_from', cast: 'date', descending: true },
  { column: 'rp.id', cast: 'uuid', descending: true },
];

/**
 * Dated rule parameters as records: what applies in a region on a day, every value a key has had,
 * and a TENANT_ADMIN's new value for their region. (Features read values through
 * ReferenceStore.parameter, cached per request.)
 */
export class RuleParameterStore {
  constructor(private readonly scope: RequestScope) {}

  /** A region the viewer belongs to; any other is NOT_FOUND on `regionCode`, as a made-up code. */
  private ownRegion(regionId: string | null, regionCode: string): string {
    const viewer = this.scope.requireViewer();
    if (regionId === null || regionId !== viewer.regionId) throw new NotFoundError(`No region with code ${regionCode}`, 'regionCode');
    return regionId;
  }

  /** Each key's value in force on `onDate` in the region: its own, else the default. */
  async inForce(regionId: string | null, regionCode: string, onDate: string): Promise<RuleParameterRow[]> {
    const region = this.ownRegion(regionId, regionCode);
    const rows: RuleParameterRow[] = await this.scope.db.query(
      `SELECT ${RULE_PARAMETER_RECORD_COLUMNS} FROM rule_parameter rp
       WHERE (rp.region_id = $1 OR rp.region_id IS NULL) AND rp.valid_from <= $2 AND (rp.valid_to IS NULL OR rp.valid_to >= $2)`,
      [region, onDate],
    );
    return parametersInForce(rows, region, onDate);
  }

  /** Every value `key` has had in the region, its own and the defaults, latest start first. */
  history(regionId: string | null, regionCode: string, key: string, page: PageRequest): Promise<Page<RuleParameterRow>> {
    const region = this.ownRegion(regionId, regionCode);
    const where = new Where();
    where.and(`rp.key = ${where.param(key)}`);
    where.and(`(rp.region_id = ${where.param(region)} OR rp.region_id IS NULL)`);
    return pageByKey(this.scope.db, NEWEST_FIRST, `SELECT ${RULE_PARAMETER_RECORD_COLUMNS} FROM rule_parameter rp`, where, page);
  }

  /**
   * Sets a value of the viewer's region from `validFrom` on (TENANT_ADMIN), in one transaction:
   * the region's own values of the key, locked, and its today go to decideRuleParameterSet; its
   * refusal is BAD_USER_INPUT on the field it names and nothing is written; else the open-ended
   * value ends the day before and the new row names who set it and when.
   */
  async set(regionId: string | null, regionCode: string, request: RuleParameterSetRequest): Promise<RuleParameterRow> {
    const viewer = this.scope.requireRole(Role.TENANT_ADMIN);
    const region = this.ownRegion(regionId, regionCode);
    const today = await this.scope.today();
    const id = randomUUID();
    const row = await this.scope.db.transaction(async (tx) => {
      // Two admins setting the same key at once: the second waits and decides on the first's row.
      await tx.query(`SELECT pg_advisory_xact_lock(hashtextextended($1, 0))`, [`rule_parameter:${region}:${request.key}`]);
      const own: OwnParameterValue[] = await tx.query(
        `SELECT id, valid_from::text AS "validFrom", valid_to::text AS "validTo" FROM rule_parameter WHERE region_id = $1 AND key = $2 FOR UPDATE`,
        [region, request.key],
      );
      const change = decideRuleParameterSet(request, own, today);
      if ('refused' in change) throw new BadUserInputError(change.refused.message, change.refused.field);
      if (change.close) await tx.query(`UPDATE rule_parameter SET valid_to = $2 WHERE id = $1`, [change.close.id, change.close.validTo]);
      const [inserted] = await tx.query(
        `INSERT INTO rule_parameter AS rp (id, region_id, key, value, valid_from, source, set_by_user_id, set_by_organisation_id, set_at)
         VALUES ($1, $2, $3, $4::jsonb, $5, $6, $7, $8, $9) RETURNING ${RULE_PARAMETER_RECORD_COLUMNS}`,
        [id, region, change.insert.key, JSON.stringify(change.insert.value), change.insert.validFrom, 'Set by the region through ruleParameterSet', viewer.userId, viewer.organisationId, this.scope.now()],
      );
      return inserted as RuleParameterRow;
    });
    this.scope.logger.info({ userId: viewer.userId, regionId: region, key: request.key, validFrom: request.validFrom }, 'rule parameter set');
    return row;
  }
}
