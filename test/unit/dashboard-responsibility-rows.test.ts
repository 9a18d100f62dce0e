import type { DashboardResponsibilityChangesQuery, DashboardResponsibilityMapQuery } from '../../client-sdk/src/generated';
import { allRows, type Answer, changedRows, summaryRows } from '../../dashboard/src/views/responsibility.rows';

const org = (id: string) => ({ id, name: `${id} name` });

function assigned(responsible: string, performer: string | null = responsible, performerCareLevel: Answer['performerCareLevel'] = null, costBearer = responsible): Answer {
  return {
    status: 'ASSIGNED',
    reason: null,
    performerCareLevel,
    responsible: org(responsible),
    performer: performer ? org(performer) : null,
    costBearer: org(costBearer),
    rule: { id: `rule of ${responsible}` },
    overlappingRules: [],
  };
}

const unassigned: Answer = { ...assigned('x'), status: 'UNASSIGNED', reason: 'no rule', responsible: null, performer: null, costBearer: null };
const overlap: Answer = { ...unassigned, status: 'OVERLAP', reason: 'two rules' };

type Cell = DashboardResponsibilityMapQuery['fromMatrix']['cells'][number];
const cell = (interventionCode: string, housingForm: Cell['housingForm'], enrolled: boolean, answer: Answer): Cell => ({
  interventionCode,
  housingForm,
  enrolledInHomeHealthCare: enrolled,
  municipalities: [{ municipalityCode: '2062', answer }],
});

type Pair = [string, Cell['housingForm'], boolean, Answer, Answer];
type Kinds = DashboardResponsibilityChangesQuery['responsibilityComparison']['cases'][number]['kinds'];

/** The comparison's answer: the cases with kinds, in the order given, with their answers. */
function changesAnswer(cases: [...Pair, Kinds][]): DashboardResponsibilityChangesQuery {
  return {
    interventions: [
      { code: 'HOME_REHAB', name: 'Home rehabilitation' },
      { code: 'ASSISTIVE_DEVICE_FITTING', name: 'Fitting' },
    ],
    responsibilityComparison: {
      fromDate: '2026-12-04',
      toDate: '2026-12-04',
      cases: cases.map(([interventionCode, housingForm, enrolledInHomeHealthCare, from, to, kinds]) => ({ interventionCode, housingForm, enrolledInHomeHealthCare, from, to, kinds })),
    },
  };
}

function matricesAnswer(pairs: Pair[]): DashboardResponsibilityMapQuery {
  return {
    fromMatrix: { scenario: 'CURRENT', onDate: '2026-12-04', cells: pairs.map(([i, h, e, from]) => cell(i, h, e, from)) },
    // The second matrix in another order: rows are joined by situation, not by position.
    toMatrix: { scenario: 'TARGET', onDate: '2026-12-04', cells: pairs.map(([i, h, e, , to]) => cell(i, h, e, to)).reverse() },
  };
}

describe('the responsibility map\'s rows (dashboard)', () => {
  const unchanged: Pair = ['HOME_REHAB', 'ORDINARY_HOUSING', true, assigned('mora'), assigned('mora')];
  const changed: Pair = ['ASSISTIVE_DEVICE_FITTING', 'SHORT_TERM_STAY', true, assigned('mora', 'mora', 'MUNICIPAL_HOME_REHAB'), assigned('region', 'mora', 'INPATIENT_CARE', 'mora')];
  const gap: Pair = ['HOME_REHAB', 'SPECIAL_HOUSING', false, assigned('mora'), unassigned];
  const overlapping: Pair = ['HOME_REHAB', 'SHORT_TERM_STAY', false, overlap, assigned('region')];
  const changes = changesAnswer([
    [...changed, ['CHANGED']],
    [...gap, ['GAP']],
    [...overlapping, ['OVERLAP']],
  ]);
  const rows = allRows(changes, matricesAnswer([unchanged, changed, gap, overlapping]));

  it('puts both scenarios\' answers of a situation side by side, in the first matrix\'s order, named from the catalogue', () => {
    expect(rows.map((r) => [r.interventionName, r.housingForm, r.enrolledInHomeHealthCare])).toEqual([
      ['Home rehabilitation', 'ORDINARY_HOUSING', true],
      ['Fitting', 'SHORT_TERM_STAY', true],
      ['Home rehabilitation', 'SPECIAL_HOUSING', false],
      ['Home rehabilitation', 'SHORT_TERM_STAY', false],
    ]);
    expect(rows[1].from.responsible!.id).toBe('mora');
    expect(rows[1].to.responsible!.id).toBe('region');
    expect(rows[2].to.status).toBe('UNASSIGNED');
  });

  it('marks each row with the comparison\'s kinds, and no kind where the scenarios agree', () => {
    expect(rows.map((r) => r.kinds)).toEqual([[], ['CHANGED'], ['GAP'], ['OVERLAP']]);
  });

  it('names the changed cells: the parts that differ between two assigned answers, a care level counting for the performer', () => {
    expect(rows[1].changedParts).toEqual(['responsible', 'performer']);
    expect(rows[0].changedParts).toEqual([]);
    // A gap or an overlap is marked as such, not as changed parts.
    expect(rows[2].changedParts).toEqual([]);
    expect(rows[3].changedParts).toEqual([]);
  });

  it('shows first the comparison\'s cases alone, as the same rows as among all', () => {
    const marked = changedRows(changes);
    expect(marked.map((r) => r.kinds[0])).toEqual(['CHANGED', 'GAP', 'OVERLAP']);
    expect(marked).toEqual(rows.slice(1));
  });

  it('falls back to the code for an intervention the catalogue lacks', () => {
    const [row] = changedRows(changesAnswer([['SPEECH_THERAPY', 'ORDINARY_HOUSING', true, assigned('a'), unassigned, ['GAP']]]));
    expect(row.interventionName).toBe('SPEECH_THERAPY');
  });

  it('counts each municipality\'s cases by kind, every municipality listed with zeros, in the order given', () => {
    const summary = summaryRows(
      {
        fromDate: '2026-12-04',
        toDate: '2026-12-04',
        cases: [
          { municipalityCode: '2062', kinds: ['CHANGED'] },
          { municipalityCode: '2062', kinds: ['GAP', 'OVERLAP'] },
          { municipalityCode: '2080', kinds: ['GAP'] },
        ],
      },
      [
        { code: '2080', name: 'Falun' },
        { code: '2062', name: 'Mora' },
        { code: '2034', name: 'Orsa' },
      ],
    );
    expect(summary).toEqual([
      { code: '2080', name: 'Falun', counts: { CHANGED: 0, GAP: 1, OVERLAP: 0 } },
      { code: '2062', name: 'Mora', counts: { CHANGED: 1, GAP: 1, OVERLAP: 1 } },
      { code: '2034', name: 'Orsa', counts: { CHANGED: 0, GAP: 0, OVERLAP: 0 } },
    ]);
  });
});
