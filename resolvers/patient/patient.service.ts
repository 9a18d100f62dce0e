import { CareLevel, Country } from '../../domain/enums';
import { parseIdentityNumber } from '../../domain/personnummer';
import type { Access } from '../../server/access/access';
import type { NewPatient, PatientPatch } from '../../server/access/patient.store';
import { isUuid } from '../../domain/uuid';
import { BadUserInputError } from '../../schema/common/errors';
import { PatientCreateInput, PatientUpdateInput } from '../../schema/patient/patient.input';
import { optionalText } from '../common/args';

/** Parses a personnummer or samordningsnummer argument into its canonical 12 digits. */
export async function identityNumberArg(access: Access, value: string, field: string) {
  const parsed = parseIdentityNumber(value, await access.today());
  if (!parsed.ok) throw new BadUserInputError(`${field}: ${parsed.problem}`, field);
  return parsed.number;
}

async function homeMunicipalityArg(access: Access, code: string | null): Promise<string | null> {
  if (code === null) return null;
  const country = /^\d{3}$/.test(code) ? Country.FI : Country.SE;
  const municipality = /^\d{3,4}$/.test(code) ? await access.reference.municipality(country, code) : null;
  if (!municipality) throw new BadUserInputError(`homeMunicipalityCode: no municipality with code ${code}`, 'homeMunicipalityCode');
  return municipality.id;
}

async function listedCareUnitArg(access: Access, id: string | null): Promise<string | null> {
  if (id === null) return null;
  const unit = isUuid(id) ? await access.reference.careUnit(id) : null;
  if (!unit) throw new BadUserInputError(`listedCareUnitId: no care unit with id ${id}`, 'listedCareUnitId');
  if (unit.careLevel !== CareLevel.PRIMARY_CARE) throw new BadUserInputError('listedCareUnitId: a person is listed at a primary care unit', 'listedCareUnitId');
  return unit.id;
}

export async function createPatient(access: Access, input: PatientCreateInput) {
  access.patients.requirePatientRole();
  const values: NewPatient = {
    identity: await identityNumberArg(access, input.personnummer, 'personnummer'),
    givenName: optionalText(input.givenName, 'givenName', 200),
    familyName: optionalText(input.familyName, 'familyName', 200),
    address: optionalText(input.address, 'address', 500),
    protectedIdentity: input.protectedIdentity ?? false,
    homeMunicipalityId: await homeMunicipalityArg(access, input.homeMunicipalityCode ?? null),
    listedCareUnitId: await listedCareUnitArg(access, input.listedCareUnitId ?? null),
  };
  return access.patients.create(values);
}

export async function updatePatient(access: Access, input: PatientUpdateInput) {
  access.patients.requirePatientRole();
  const patch: PatientPatch = {};
  if (input.givenName !== undefined) patch.givenName = optionalText(input.givenName, 'givenName', 200);
  if (input.familyName !== undefined) patch.familyName = optionalText(input.familyName, 'familyName', 200);
  if (input.address !== undefined) patch.address = optionalText(input.address, 'address', 500);
  if (input.protectedIdentity !== undefined) {
    if (input.protectedIdentity === null) throw new BadUserInputError('protectedIdentity is true or false', 'protectedIdentity');
    patch.protectedIdentity = input.protectedIdentity;
  }
  if (input.homeMunicipalityCode !== undefined) patch.homeMunicipalityId = await homeMunicipalityArg(access, input.homeMunicipalityCode);
  if (input.listedCareUnitId !== undefined) patch.listedCareUnitId = await listedCareUnitArg(access, input.listedCareUnitId);
  return access.patients.update(input.id, patch, input.version);
}
