import { Arg, Args, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { ageOn } from '../../domain/personnummer';
import { PageArgs, pageRequest, toConnection } from '../../schema/common/page';
import { CareUnit } from '../../schema/organisation/care-unit.type';
import { Organisation } from '../../schema/organisation/organisation.type';
import { PatientCreateInput, PatientCreatePayload, PatientFilter, PatientUpdateInput, PatientUpdatePayload } from '../../schema/patient/patient.input';
import { Patient, PatientConnection } from '../../schema/patient/patient.type';
import type { PatientView } from '../../server/access/rows.patient';
import type { Context } from '../../server/context';
import { createPatient, identityNumberArg, updatePatient } from './patient.service';

@Resolver(() => Patient)
export class PatientResolver {
  @Query(() => Patient, { nullable: true, description: 'A patient you may see; NOT_FOUND otherwise (whether or not it exists). Logged.' })
  patient(@Arg('id', () => ID, { description: 'The patient record.' }) id: string, @Ctx() { access }: Context) {
    return access.patients.get(id);
  }

  @Query(() => PatientConnection, { description: 'Patients you may see (your organisation keeps them or takes part in their case), in a stable order. Logged per patient.' })
  async patients(
    @Args() page: PageArgs,
    @Arg('filter', () => PatientFilter, { nullable: true, description: 'Which patients to list.' }) filter: PatientFilter | null,
    @Ctx() { access }: Context,
  ) {
    const request = pageRequest(page, ['uuid']);
    const identity = filter?.personnummer ? await identityNumberArg(access, filter.personnummer, 'filter.personnummer') : null;
    const rows = await access.patients.list({ identityNumber: identity?.value }, request);
    return toConnection(rows, (p: PatientView) => [p.id]);
  }

  @FieldResolver(() => Int, { description: "Age in whole years today (in the viewer's region)." })
  async age(@Root() patient: PatientView, @Ctx() { access }: Context) {
    return ageOn(patient.birthDate, await access.today());
  }

  @FieldResolver(() => Organisation, { nullable: true, description: 'The organisation that keeps this record (a region or municipality); null only if it cannot be read.' })
  owner(@Root() patient: PatientView, @Ctx() { access }: Context) {
    return access.reference.organisation(patient.ownerOrganisationId);
  }

  @FieldResolver(() => Organisation, { nullable: true, description: 'The home municipality, when recorded.' })
  homeMunicipality(@Root() patient: PatientView, @Ctx() { access }: Context) {
    return patient.homeMunicipalityId ? access.reference.organisation(patient.homeMunicipalityId) : null;
  }

  @FieldResolver(() => CareUnit, { nullable: true, description: 'The primary care unit (vårdcentral) the patient is listed at, when known.' })
  listedCareUnit(@Root() patient: PatientView, @Ctx() { access }: Context) {
    return patient.listedCareUnitId ? access.reference.careUnit(patient.listedCareUnitId) : null;
  }

  @Mutation(() => PatientCreatePayload, { description: "Creates your organisation's record of a person (CARE_STAFF, REHAB_COORDINATOR of a region or municipality)." })
  async patientCreate(@Arg('input', () => PatientCreateInput, { description: 'The new record.' }) input: PatientCreateInput, @Ctx() { access }: Context) {
    return { patient: await createPatient(access, input) };
  }

  @Mutation(() => PatientUpdatePayload, { description: 'Changes a record your organisation keeps.' })
  async patientUpdate(@Arg('input', () => PatientUpdateInput, { description: 'What to change.' }) input: PatientUpdateInput, @Ctx() { access }: Context) {
    return { patient: await updatePatient(access, input) };
  }
}
