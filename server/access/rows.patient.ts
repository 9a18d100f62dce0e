import { ConsentEntity, PatientEntity } from '../../entities';
import { RowOf, selectList } from './entity-columns';

/** The look-up hash stays in the database: only statements that search by it name it. */
const PATIENT = selectList(PatientEntity, 'p', ['identityNumberHash']);

/** A patient row as stored (identity number still encrypted); never leaves the access layer. */
export type PatientRecord = RowOf<typeof PATIENT>;

/** What the access layer hands out: the identity number decrypted, protected details withheld. */
export interface PatientView extends Omit<PatientRecord, 'identityNumberEncrypted'> {
  /** YYYYMMDD-NNNN. */
  personnummer: string;
  /** True when name and address are withheld because the identity is protected and the viewer is not the owner. */
  detailsWithheld: boolean;
}

export const PATIENT_COLUMNS = PATIENT.sql;

const CONSENT = selectList(ConsentEntity, 'k');

export type ConsentRow = RowOf<typeof CONSENT> & {
  /** recorded_at as PostgreSQL prints it: exact to the microsecond, for cursors. */
  recordedAtKey: string;
};

export const CONSENT_COLUMNS = `${CONSENT.sql}, k.recorded_at::text AS "recordedAtKey"`;
