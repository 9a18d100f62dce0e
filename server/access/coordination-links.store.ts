import type DataLoader from 'dataloader';
import { NotFoundError } from '../../schema/common/errors';
import type { ParentKey } from './child-loader';
import { caseVisibleTo } from './coordination.store';
import { partyOf } from './handoff.store';
import { LoaderName, namedLoader } from './named-loader';
import { groupByKey } from './reference.loaders';
import type { RequestScope } from './request-scope';
import { takesPart } from './sip.store';

/** A SIP or a hand-off of a case's patient, as the case shows it: that it exists, and where it stands. */
export interface LinkedRecord {
  id: string;
  /** A SIP's status or a hand-off's state. */
  status: string;
  patientId: string;
}

/**
 * The SIPs and hand-offs of the patients of coordination cases that the viewer's organisation may
 * see by their own rules (it takes part in the SIP, it is a party of the hand-off; the SIP's
 * participation rests on the patient's consent to it): a coordinator learns of nothing else. One
 * statement per kind for a whole page of cases (keyed by patient and region).
 */
export class CoordinationLinkStore {
  private readonly sipsOf: DataLoader<ParentKey, LinkedRecord[], string>;
  private readonly handoffsOf: DataLoader<ParentKey, LinkedRecord[], string>;

  constructor(private readonly scope: RequestScope) {
    const loader = (name: LoaderName, select: string) =>
      scope.once(name, () =>
        namedLoader<ParentKey, LinkedRecord[], string>(
          name,
          async (patients) => {
            const viewer = scope.requireViewer();
            const rows: LinkedRecord[] = await scope.db.query(select, [patients.map((p) => p.id), patients.map((p) => p.regionId), viewer.organisationId]);
            return groupByKey(
              patients.map((p) => p.id),
              rows,
              (r) => r.patientId,
            );
          },
          { cacheKeyFn: (p) => `${p.regionId}|${p.id}` },
        ),
      );
    const ofPatients = (alias: string) => `(${alias}.patient_id, ${alias}.region_id) IN (SELECT * FROM unnest($1::uuid[], $2::uuid[]))`;
    this.sipsOf = loader(
      'coordination.sipsOfPatient',
      `SELECT s.id, s.status, s.patient_id AS "patientId" FROM sip s WHERE ${ofPatients('s')} AND ${takesPart('s', '$3')} ORDER BY s.created_at, s.id`,
    );
    this.handoffsOf = loader(
      'coordination.handoffsOfPatient',
      `SELECT h.id, h.state AS status, h.patient_id AS "patientId" FROM handoff h WHERE ${ofPatients('h')} AND ${partyOf('h', '$3')} ORDER BY h.created_at, h.id`,
    );
  }

  /**
   * The id of a return-to-work plan of a coordination case of `patientId` that the viewer may see,
   * for a SIP intervention to name; NOT_FOUND on `field` otherwise.
   */
  async returnToWorkPlanOf(patientId: string, planId: string, field: string): Promise<string> {
    const viewer = this.scope.requireViewer();
    const rows: { id: string }[] = await this.scope.db.query(
      `SELECT rp.id FROM coordination_return_to_work_plan rp JOIN coordination_case cc ON cc.id = rp.case_id AND cc.region_id = rp.region_id
       WHERE rp.id = $1 AND cc.patient_id = $2 AND ${caseVisibleTo('cc', '$3')}`,
      [planId, patientId, viewer.organisationId],
    );
    if (!rows.length) throw new NotFoundError(`No return-to-work plan with id ${planId} of this patient that you may see`, field);
    return rows[0].id;
  }

  /** The patient's SIPs the viewer's organisation takes part in, oldest first. */
  sips(patient: ParentKey): Promise<LinkedRecord[]> {
    return this.sipsOf.load(patient);
  }

  /** The patient's hand-offs the viewer's organisation is a party of, oldest first. */
  handoffs(patient: ParentKey): Promise<LinkedRecord[]> {
    return this.handoffsOf.load(patient);
  }
}
