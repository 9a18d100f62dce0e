import { fundingChoiceProblems } from '../../domain/funding-programme';
import type { Access } from '../../server/access/access';
import { BadUserInputError, NotFoundError } from '../../schema/common/errors';
import { idArg } from '../common/args';

/** The programme (and form) that fund a plan or commitment, as its row stores them. */
export interface FundingChoice {
  fundingProgrammeId: string | null;
  fundingForm: string | null;
}

/**
 * Checks the optional `fundingProgrammeId` (and, for a commitment, `fundingForm`: both or neither)
 * of a plan or commitment starting on `onDate` for a person born on `birthDate`: a programme
 * version that exists (else NOT_FOUND), applies that day with the person in its age band, and has
 * that form then (else BAD_USER_INPUT naming the field).
 */
export async function fundingChoiceArg(
  access: Access,
  input: { fundingProgrammeId?: string | null; fundingForm?: string | null },
  onDate: string,
  birthDate: string,
  withForm: boolean,
): Promise<FundingChoice> {
  const id = input.fundingProgrammeId ?? null;
  const form = withForm ? (input.fundingForm ?? null) : null;
  if (id === null) {
    if (form !== null) throw new BadUserInputError('fundingForm: name the programme (fundingProgrammeId) the form belongs to', 'fundingForm');
    return { fundingProgrammeId: null, fundingForm: null };
  }
  if (withForm && form === null) throw new BadUserInputError('fundingForm: a commitment funded by a programme names the form it pays for (e.g. KBT)', 'fundingForm');
  const programme = await access.fundingProgrammes.byId(idArg(id, 'fundingProgrammeId'));
  if (!programme) throw new NotFoundError(`No funding programme with id ${id}`, 'fundingProgrammeId');
  const [problem] = fundingChoiceProblems(programme, form, onDate, birthDate);
  if (problem) throw new BadUserInputError(`${problem.field}: ${problem.message}`, problem.field);
  return { fundingProgrammeId: programme.id, fundingForm: form };
}
