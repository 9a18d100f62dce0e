import { EntityManager } from 'typeorm';
import { Country, IdentityNumberKind } from '../../domain/enums';
import { ParticipationSource } from '../../domain/participation';
import { parseIdentityNumber } from '../../domain/personnummer';
import { PARAMETER } from '../../domain/rule-parameters';
import { therapyReportDueDate } from '../../domain/therapy-report';
import { ALAND_EXAMPLE } from '../../entities/seed/aland-example';
import { municipalityKey, regionKey, regionPrincipalKey, seedId } from '../../entities/seed/ids';
import { DEFAULT_RULE_PARAMETERS } from '../../entities/seed/rule-parameters';
import type { IdentityNumberCipher } from '../crypto/identity-number-cipher';
import { seedCoordinationExamples } from './coordination-example-data';

const id = (key: string) => seedId(`example:aland:${key}`);

/** The ids of Åland's example records (tests and the README's worked example use them). */
export const ALAND_EXAMPLE_IDS = {
  provider: id('provider'),
  patient: id('patient'),
  plan: id('plan'),
  commitment: id('commitment'),
};

/**
 * Writes Åland's example (entities/seed/aland-example.ts), then the example coordination cases,
 * as the tables' owner, after the reference seed. Idempotent: every row has a fixed id and one already there is left as it is.
 * Not an access to a real person's data, so it writes no access-log rows.
 */
export async function seedExampleData(manager: EntityManager, cipher: IdentityNumberCipher): Promise<void> {
  const x = ALAND_EXAMPLE;
  const regionId = seedId(regionKey(Country.FI, '21'));
  const ahs = seedId(regionPrincipalKey(Country.FI, '21'));
  const identity = parseIdentityNumber(x.patient.personnummer, x.plan.createdAt.slice(0, 10));
  if (!identity.ok || identity.number.kind !== IdentityNumberKind.PERSONNUMMER) throw new Error('The example personnummer is not valid');
  const leadMonths = DEFAULT_RULE_PARAMETERS.find((p) => p.key === PARAMETER.THERAPY_REPORT_LEAD_MONTHS && p.regionId === null)!.value as number;
  const q = (sql: string, parameters: unknown[]) => manager.query(sql, parameters);
  const { provider, patient, plan, commitment } = ALAND_EXAMPLE_IDS;

  await q(
    `INSERT INTO organisation (id, region_id, kind, name, example) VALUES ($1, $2, 'PRIVATE_PROVIDER', $3, true) ON CONFLICT (id) DO NOTHING`,
    [provider, regionId, x.provider.name],
  );
  await q(
    `INSERT INTO patient (id, region_id, owner_organisation_id, identity_number_hash, identity_number_encrypted, identity_kind, birth_date, legal_sex,
       given_name, family_name, protected_identity, home_municipality_id, example, created_at, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, false, $11, true, $12, $12) ON CONFLICT (id) DO NOTHING`,
    [
      patient, regionId, ahs, cipher.lookupHash(identity.number.value), cipher.encrypt(identity.number.value), identity.number.kind, identity.number.birthDate,
      x.patient.legalSex, x.patient.givenName, x.patient.familyName, seedId(municipalityKey(Country.FI, x.patient.homeMunicipalityCode)), x.plan.createdAt,
    ],
  );
  await q(
    `INSERT INTO rehab_plan (id, region_id, patient_id, owner_organisation_id, need, own_goals, functional_ability, therapy_forms, evaluation_date, status,
       evaluation_period, version, created_by, created_at, updated_at, activated_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, 'ACTIVE', 1, 1, 'example-seed', $10, $11, $11) ON CONFLICT (id) DO NOTHING`,
    [plan, regionId, patient, ahs, x.plan.need, x.plan.ownGoals, x.plan.functionalAbility, x.plan.therapyForms, x.plan.evaluationDate, x.plan.createdAt, x.plan.activatedAt],
  );
  for (const [i, goal] of x.goals.entries()) {
    const goalId = id(`goal:${i + 1}`);
    await q(
      `INSERT INTO gas_goal (id, region_id, plan_id, evaluation_period, position, title, levels, weight, baseline, created_by, created_at)
       VALUES ($1, $2, $3, 1, $4, $5, $6, $7, $8, 'example-seed', $9) ON CONFLICT (id) DO NOTHING`,
      [goalId, regionId, plan, i + 1, goal.title, goal.levels, goal.weight, goal.baseline, x.plan.createdAt],
    );
    for (const [j, score] of goal.scores.entries()) {
      await q(
        `INSERT INTO gas_score (id, region_id, goal_id, attainment, scored_on, recorded_by, recorded_by_organisation_id, recorded_at)
         VALUES ($1, $2, $3, $4, $5, 'example-seed', $6, $5::date) ON CONFLICT (id) DO NOTHING`,
        [id(`score:${i + 1}:${j + 1}`), regionId, goalId, score.attainment, score.scoredOn, ahs],
      );
    }
  }
  const c = x.commitment;
  await q(
    `INSERT INTO payment_commitment (id, region_id, plan_id, patient_id, payer_organisation_id, provider_organisation_id, number, therapy_form, visits, visit_minutes,
       valid_from, valid_to, issued_on, report_due_on, version, created_by, created_at, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, 1, 'example-seed', $13::date, $13::date) ON CONFLICT (id) DO NOTHING`,
    [commitment, regionId, plan, patient, ahs, provider, c.number, c.therapyForm, c.visits, c.visitMinutes, c.validFrom, c.validTo, c.issuedOn, therapyReportDueDate(c.validTo, leadMonths)],
  );
  for (const [i, date] of c.visitDates.entries()) {
    await q(
      `INSERT INTO therapy_visit (id, region_id, commitment_id, visit_date, minutes, recorded_by, recorded_at) VALUES ($1, $2, $3, $4, $5, 'example-seed', $4::date) ON CONFLICT (id) DO NOTHING`,
      [id(`visit:${i + 1}`), regionId, commitment, date, c.visitMinutes],
    );
  }
  // ÅHS takes part through its plan, the provider through the commitment (as the API would record them).
  await q(
    `INSERT INTO patient_participation (id, region_id, patient_id, organisation_id, care_unit_id, source_type, source_id)
     VALUES ($1, $2, $3, $4, NULL, $5, $6), ($7, $2, $3, $8, NULL, $9, $10)
     ON CONFLICT DO NOTHING`,
    [id('participation:plan'), regionId, patient, ahs, ParticipationSource.REHAB_PLAN, plan, id('participation:commitment'), provider, ParticipationSource.PAYMENT_COMMITMENT, commitment],
  );
  await seedCoordinationExamples(manager, cipher);
}
