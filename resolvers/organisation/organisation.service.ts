import { financingShareProblems } from '../../domain/financing-shares';
import { Country, OrganisationKind } from '../../domain/enums';
import { municipalityCodeProblem, regionCodeProblem } from '../../domain/region-codes';
import type { Access } from '../../server/access/access';
import type { MemberValues, OrganisationValues } from '../../server/access/reference.store';
import { OrganisationRow, RegionRow } from '../../server/access/rows';
import { idArg, requiredText } from '../common/args';
import { BadUserInputError, NotFoundError } from '../../schema/common/errors';
import { AssociationMemberInput, OrganisationCreateInput, OrganisationUpdateInput } from '../../schema/organisation/organisation.input';

/** A region named by code in an argument: malformed or unknown codes are BAD_USER_INPUT on `field`. */
export async function regionByCodeArg(access: Access, code: string, country: Country, field: string): Promise<RegionRow> {
  const problem = regionCodeProblem(country, code);
  if (problem) throw new BadUserInputError(`${field}: ${problem}`, field);
  const region = await access.reference.regionByCode(country, code);
  if (!region) throw new BadUserInputError(`${field}: no region with code ${code} in ${country}`, field);
  return region;
}

/** An organisation's or care unit's name. */
export const nameArg = (name: string) => requiredText(name, 'name', 200);

const ORGANISATION_NUMBER = /^(\d{6}-?\d{4}|\d{7}-\d)$/;
function organisationNumberArg(value: string | null): string | null {
  if (value === null) return null;
  const trimmed = value.trim();
  if (!ORGANISATION_NUMBER.test(trimmed)) {
    throw new BadUserInputError('organisationNumber must look like 232100-0180 (Swedish) or 0145076-7 (Finnish)', 'organisationNumber');
  }
  return trimmed;
}

function municipalityCodeArg(region: RegionRow, kind: OrganisationKind, code: string | null): string | null {
  if (kind !== OrganisationKind.MUNICIPALITY) {
    if (code !== null) throw new BadUserInputError('municipalityCode is only for municipalities', 'municipalityCode');
    return null;
  }
  if (code === null) throw new BadUserInputError('a municipality needs its municipalityCode', 'municipalityCode');
  const problem = municipalityCodeProblem(region.country, region.code, code);
  if (problem) throw new BadUserInputError(`municipalityCode: ${problem}`, 'municipalityCode');
  return code;
}

function membersArg(kind: OrganisationKind, members: AssociationMemberInput[]): MemberValues[] {
  if (kind !== OrganisationKind.COORDINATION_ASSOCIATION) {
    throw new BadUserInputError('members are only for coordination associations', 'members');
  }
  const seen = new Set<string>();
  members.forEach((m, i) => {
    idArg(m.organisationId, `members[${i}].organisationId`);
    if (seen.has(m.organisationId)) throw new BadUserInputError('an organisation is listed twice', `members[${i}].organisationId`);
    seen.add(m.organisationId);
  });
  const [problem] = financingShareProblems(members.map((m) => m.financingShare ?? null));
  if (problem) {
    throw new BadUserInputError(problem.message, problem.index === null ? 'members' : `members[${problem.index}].financingShare`);
  }
  return members.map((m) => ({ organisationId: m.organisationId, financingShare: m.financingShare ?? null, note: m.note?.trim() || null }));
}

/** The viewer's own region, where a TENANT_ADMIN creates and changes organisations. */
async function viewerRegion(access: Access): Promise<RegionRow> {
  const region = await access.reference.region(access.requireViewer().regionId);
  if (!region) throw new NotFoundError("The viewer's region does not exist");
  return region;
}

export async function createOrganisation(access: Access, input: OrganisationCreateInput): Promise<OrganisationRow> {
  const region = await viewerRegion(access);
  const values: OrganisationValues = {
    kind: input.kind,
    name: nameArg(input.name),
    municipalityCode: municipalityCodeArg(region, input.kind, input.municipalityCode ?? null),
    organisationNumber: organisationNumberArg(input.organisationNumber ?? null),
    establishedOn: input.establishedOn ?? null,
  };
  const members = input.members ? membersArg(input.kind, input.members) : null;
  return access.reference.createOrganisation(values, members);
}

export async function updateOrganisation(access: Access, input: OrganisationUpdateInput): Promise<OrganisationRow> {
  const current = await access.reference.organisation(idArg(input.id, 'id'));
  const region = await viewerRegion(access);
  // Another region's organisation answers as an unknown id does (a TENANT_ADMIN changes their own region only).
  if (!current || current.regionId !== region.id) throw new NotFoundError(`No organisation with id ${input.id} in your region`, 'id');

  const patch: Partial<OrganisationValues> = {};
  if (input.name !== undefined) {
    if (input.name === null) throw new BadUserInputError('name cannot be removed', 'name');
    patch.name = nameArg(input.name);
  }
  if (input.municipalityCode !== undefined) patch.municipalityCode = municipalityCodeArg(region, current.kind, input.municipalityCode);
  if (input.organisationNumber !== undefined) patch.organisationNumber = organisationNumberArg(input.organisationNumber);
  if (input.establishedOn !== undefined) patch.establishedOn = input.establishedOn;
  const members = input.members ? membersArg(current.kind, input.members) : null;
  return access.reference.updateOrganisation(current.id, patch, members);
}
