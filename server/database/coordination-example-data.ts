import { EntityManager } from 'typeorm';
import { Country, IdentityNumberKind } from '../../domain/enums';
import { ParticipationSource } from '../../domain/participation';
import { parseIdentityNumber } from '../../domain/personnummer';
import { COORDINATION_EXAMPLES } from '../../entities/seed/coordination-example';
import { municipalityKey, regionKey, regionPrincipalKey, seedId } from '../../entities/seed/ids';
import { seededCareUnitId } from '../../entities/seed/seed';
import type { IdentityNumberCipher } from '../crypto/identity-number-cipher';

const id = (example: string, key: string) => seedId(`example:coordination:${example}:${key}`);

/** The ids of the example coordination cases (tests and the README's worked example use them). */
export const COORDINATION_EXAMPLE_IDS = {
  moraCase: id('mora', 'case'),
  vasterasCase: id('vasteras', 'case'),
};

/**
 * Writes the example coordination cases (entities/seed/coordination-example.ts) as the tables'
 * owner, after the reference seed: the example patient, the case with its opening, consents,
 * employer, activities and KVÅ codes, and the region's participation through the case.
 * Idempotent (fixed ids, ON CONFLICT DO NOTHING); no access-log rows, as no real person is read.
 */
export async function seedCoordinationExamples(manager: EntityManager, cipher: IdentityNumberCipher): Promise<void> {
  const q = (sql: string, parameters: unknown[]) => manager.query(sql, parameters);
  for (const x of COORDINATION_EXAMPLES) {
    const regionId = seedId(regionKey(Country.SE, x.regionCode));
    const principal = seedId(regionPrincipalKey(Country.SE, x.regionCode));
    const careUnitId = seededCareUnitId(x.regionCode, x.careUnitSlug);
    const identity = parseIdentityNumber(x.patient.personnummer, x.openedAt.slice(0, 10));
    if (!identity.ok || identity.number.kind !== IdentityNumberKind.PERSONNUMMER) throw new Error('An example personnummer is not valid');
    const [patient, caseId] = [id(x.key, 'patient'), id(x.key, 'case')];
    await q(
      `INSERT INTO patient (id, region_id, owner_organisation_id, identity_number_hash, identity_number_encrypted, identity_kind, birth_date, legal_sex,
         given_name, family_name, protected_identity, home_municipality_id, example, created_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, false, $11, true, $12, $12) ON CONFLICT (id) DO NOTHING`,
      [
        patient, regionId, principal, cipher.lookupHash(identity.number.value), cipher.encrypt(identity.number.value), identity.number.kind, identity.number.birthDate,
        x.patient.legalSex, x.patient.givenName, x.patient.familyName, seedId(municipalityKey(Country.SE, x.patient.homeMunicipalityCode)), x.openedAt,
      ],
    );
    const lastActivityAt = x.activities.at(-1)?.occurredAt ?? x.openedAt;
    await q(
      `INSERT INTO coordination_case (id, region_id, patient_id, owner_organisation_id, care_unit_id, coordinator_user_id, status, occupation,
         sick_leave_from, sick_leave_to, sick_leave_degree, opened_at, first_contact_at, last_activity_at, created_by, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, 'example-seed', $14) ON CONFLICT (id) DO NOTHING`,
      [caseId, regionId, patient, principal, careUnitId, x.coordinator, x.status, x.occupation, x.sickLeave.from, x.sickLeave.to, x.sickLeave.degree, x.openedAt, x.firstContactAt, lastActivityAt],
    );
    await q(
      `INSERT INTO coordination_status_change (id, region_id, case_id, from_status, to_status, changed_at, changed_by) VALUES ($1, $2, $3, NULL, $4, $5, 'example-seed') ON CONFLICT (id) DO NOTHING`,
      [id(x.key, 'opened'), regionId, caseId, x.status, x.openedAt],
    );
    const validTo = x.sickLeave.to;
    // The patient's consent to coordination itself (an ACTIVE case needs it), and to tell the employer about work capacity and sick leave.
    await q(
      `INSERT INTO coordination_consent (id, region_id, case_id, patient_id, actor_kind, employer_id, direction, categories, purpose, given_by, valid_from, valid_to, recorded_by, recorded_at)
       VALUES ($1, $2, $3, $4, NULL, NULL, 'TO_ACTOR', '{}', 'REHABILITATION_COORDINATION', 'PATIENT', $5::timestamptz::date, $6, 'example-seed', $5) ON CONFLICT (id) DO NOTHING`,
      [id(x.key, 'consent:coordination'), regionId, caseId, patient, x.openedAt, validTo],
    );
    const employer = x.employer ? id(x.key, 'employer') : null;
    if (x.employer) {
      await q(
        `INSERT INTO coordination_employer (id, region_id, case_id, name, organisation_number, contact_name, added_by, added_at) VALUES ($1, $2, $3, $4, $5, $6, 'example-seed', $7) ON CONFLICT (id) DO NOTHING`,
        [employer, regionId, caseId, x.employer.name, x.employer.organisationNumber, x.employer.contactName, x.openedAt],
      );
      await q(
        `INSERT INTO coordination_consent (id, region_id, case_id, patient_id, actor_kind, employer_id, direction, categories, purpose, given_by, valid_from, valid_to, recorded_by, recorded_at)
         VALUES ($1, $2, $3, $4, 'EMPLOYER', $5, 'TO_ACTOR', '{WORK_CAPACITY,SICK_LEAVE}', 'REHABILITATION_COORDINATION', 'PATIENT', $6::timestamptz::date, $7, 'example-seed',
                 $6::timestamptz + interval '1 hour') ON CONFLICT (id) DO NOTHING`,
        [id(x.key, 'consent:employer'), regionId, caseId, patient, employer, x.openedAt, validTo],
      );
    }
    for (const a of x.activities) {
      const activity = id(x.key, `activity:${a.key}`);
      const meeting = a.kind === 'MEETING';
      await q(
        `INSERT INTO coordination_activity (id, region_id, case_id, area, kind, actor_kind, employer_id, answered, held, mode, occurred_at, recorded_by, recorded_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, 'example-seed', $11) ON CONFLICT (id) DO NOTHING`,
        [
          activity, regionId, caseId, a.area, a.kind, a.actor, a.actor === 'EMPLOYER' ? employer : null, meeting ? null : 'answered' in a ? a.answered : null,
          meeting && 'held' in a ? a.held : null, meeting && 'mode' in a ? a.mode : null, a.occurredAt,
        ],
      );
      for (const code of a.codes) {
        await q(
          `INSERT INTO coordination_kva (id, region_id, case_id, activity_id, code, code_valid_from, occurred_at)
           VALUES ($1, $2, $3, $4, $5, (SELECT max(valid_from) FROM kva_code WHERE code = $5 AND valid_from <= $6::timestamptz::date), $6) ON CONFLICT (id) DO NOTHING`,
          [id(x.key, `kva:${a.key}:${code}`), regionId, caseId, activity, code, a.occurredAt],
        );
      }
    }
    // The region takes part in the patient's case through the coordination case, as the API records it.
    await q(
      `INSERT INTO patient_participation (id, region_id, patient_id, organisation_id, care_unit_id, source_type, source_id) VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT DO NOTHING`,
      [id(x.key, 'participation'), regionId, patient, principal, careUnitId, ParticipationSource.COORDINATION_CASE, caseId],
    );
  }
}
