import { FundingForm, FundingProgramme, programmesOn } from '../../domain/funding-programme';
import { FundingProgrammeEntity, FundingProgrammeFormEntity } from '../../entities';
import { selectList } from './entity-columns';
import type { RequestScope } from './request-scope';

const PROGRAMME_COLUMNS = selectList(FundingProgrammeEntity, 'fp', ['source']).sql;
const FORM_COLUMNS = selectList(FundingProgrammeFormEntity, 'ff', ['id', 'source']).sql;

/**
 * The national funding programmes (reference data: any signed-in viewer reads them). There are a
 * handful, so a request reads them all once, in one round trip, and answers every question from that.
 */
export class FundingProgrammeStore {
  constructor(private readonly scope: RequestScope) {}

  /** Every version of every programme with every version of its forms, by code then start. */
  all(): Promise<FundingProgramme[]> {
    this.scope.requireViewer();
    return this.scope.once('fundingProgrammes', async () => {
      // Both in one turn of the event loop: one transaction, one round trip.
      const [programmes, forms] = await Promise.all([
        this.scope.db.query<Omit<FundingProgramme, 'forms'>[]>(`SELECT ${PROGRAMME_COLUMNS} FROM funding_programme fp ORDER BY fp.code, fp.valid_from`),
        this.scope.db.query<(FundingForm & { programmeId: string })[]>(`SELECT ${FORM_COLUMNS} FROM funding_programme_form ff ORDER BY ff.code, ff.valid_from`),
      ]);
      return programmes.map((p) => ({ ...p, forms: forms.filter((f) => f.programmeId === p.id).map(({ programmeId, ...f }) => f) }));
    });
  }

  /** The programmes valid on a date, with their forms valid on that date. */
  async on(date: string): Promise<FundingProgramme[]> {
    return programmesOn(await this.all(), date);
  }

  /** A programme version by id; null when there is none. */
  async byId(id: string): Promise<FundingProgramme | null> {
    return (await this.all()).find((p) => p.id === id) ?? null;
  }
}
