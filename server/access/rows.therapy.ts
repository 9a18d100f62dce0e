import { PaymentCommitmentEntity, TherapyReportEntity, TherapyVisitEntity } from '../../entities';
import { RowOf, selectList } from './entity-columns';

const COMMITMENT = selectList(PaymentCommitmentEntity, 'c', ['createdBy', 'revokedBy']);

export type CommitmentRow = RowOf<typeof COMMITMENT> & {
  /** Visits recorded (paid) so far. */
  visitsUsed: number;
};

export const COMMITMENT_COLUMNS = `${COMMITMENT.sql},
  (SELECT count(*)::int FROM therapy_visit v WHERE v.commitment_id = c.id AND v.region_id = c.region_id) AS "visitsUsed"`;

const VISIT = selectList(TherapyVisitEntity, 'v', ['recordedBy']);

export type VisitRow = RowOf<typeof VISIT>;

export const VISIT_COLUMNS = VISIT.sql;

const REPORT = selectList(TherapyReportEntity, 't', ['submittedBy']);

export type ReportRow = RowOf<typeof REPORT> & {
  /** Its commitment's report due date: whether it came on time. */
  reportDueOn: string;
};

export const REPORT_COLUMNS = `${REPORT.sql},
  (SELECT c.report_due_on::text FROM payment_commitment c WHERE c.id = t.commitment_id AND c.region_id = t.region_id) AS "reportDueOn"`;
