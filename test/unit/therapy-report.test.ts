import { PARAMETER, parameterOn } from '../../domain/rule-parameters';
import { reportOnTime, TherapyReportContent, TherapyReportItem, therapyReportDueDate, therapyReportProblems } from '../../domain/therapy-report';
import { DEFAULT_RULE_PARAMETERS } from '../../entities/seed/rule-parameters';

const complete: TherapyReportContent = {
  patientName: 'Anna Andersson',
  sessions: [{ date: '2027-01-05', minutes: 45 }],
  therapistName: 'Terapeut Exempel',
  therapistContact: '018-000 00',
  functionalAbility: 'Walks 200 m with a stick; shops with help.',
  goals: [{ goal: 'Walk to the shop', outcome: 'Walks there twice a week', gasScore: 1 }],
  assessments: [{ instrument: '6MWT', result: '210 m' }],
  continuedTherapyNeeded: true,
  continuedTherapyGrounds: 'Balance still limits outdoor walking; goal: 400 m without a stick',
  patientMotivation: 'Motivated, trains at home',
  endSummary: null,
};

describe('therapy report content (seed 000)', () => {
  it('accepts a report with every required item', () => {
    expect(therapyReportProblems(complete)).toEqual([]);
  });

  it('names each missing item, in order', () => {
    const empty: TherapyReportContent = {
      patientName: null,
      sessions: [],
      therapistName: null,
      therapistContact: ' ',
      functionalAbility: null,
      goals: [],
      assessments: [],
      continuedTherapyNeeded: null,
      continuedTherapyGrounds: null,
      patientMotivation: '',
      endSummary: null,
    };
    expect(therapyReportProblems(empty).map((p) => p.item)).toEqual([
      TherapyReportItem.PATIENT_NAME,
      TherapyReportItem.THERAPIST_NAME,
      TherapyReportItem.THERAPIST_CONTACT,
      TherapyReportItem.SESSIONS,
      TherapyReportItem.FUNCTIONAL_ABILITY,
      TherapyReportItem.GOALS,
      TherapyReportItem.ASSESSMENTS,
      TherapyReportItem.CONTINUED_THERAPY,
      TherapyReportItem.PATIENT_MOTIVATION,
    ]);
  });

  it('asks for grounds when therapy should continue, and a summary when it ends with the commitment', () => {
    expect(therapyReportProblems({ ...complete, continuedTherapyGrounds: null })).toEqual([
      { item: TherapyReportItem.CONTINUED_THERAPY, field: 'continuedTherapyGrounds', message: 'continued therapy needs its grounds and its goal' },
    ]);
    expect(therapyReportProblems({ ...complete, continuedTherapyNeeded: false, continuedTherapyGrounds: null })).toEqual([
      { item: TherapyReportItem.END_SUMMARY, field: 'endSummary', message: 'therapy ends with the commitment: a summary of how it went is missing' },
    ]);
    expect(therapyReportProblems({ ...complete, continuedTherapyNeeded: false, endSummary: 'Goals met; therapy ends.' })).toEqual([]);
  });

  it('takes a GAS score only from -2 to +2, and every goal with how it was met', () => {
    expect(therapyReportProblems({ ...complete, goals: [{ goal: 'Walk', outcome: 'Yes', gasScore: 3 }] })).toMatchObject([{ item: TherapyReportItem.GOALS, field: 'goals' }]);
    expect(therapyReportProblems({ ...complete, goals: [{ goal: 'Walk', outcome: 'Yes', gasScore: null }] })).toEqual([]);
    expect(therapyReportProblems({ ...complete, goals: [{ goal: 'Walk', outcome: ' ', gasScore: 0 }] })).toMatchObject([{ item: TherapyReportItem.GOALS }]);
    expect(therapyReportProblems({ ...complete, assessments: [{ instrument: '6MWT', result: '' }] })).toMatchObject([{ item: TherapyReportItem.ASSESSMENTS }]);
  });
});

describe('when a therapy report is due', () => {
  const leadMonths = parameterOn<number>(DEFAULT_RULE_PARAMETERS, PARAMETER.THERAPY_REPORT_LEAD_MONTHS, null, '2027-01-01');

  it('is two months before the period ends, by the seeded dated parameter', () => {
    expect(leadMonths).toBe(2);
    expect(therapyReportDueDate('2027-12-31', leadMonths!)).toBe('2027-10-31');
    expect(therapyReportDueDate('2027-04-30', leadMonths!)).toBe('2027-02-28');
  });

  it('counts a report on its due date as on time, a day later as late', () => {
    expect(reportOnTime('2027-10-31', '2027-10-31')).toBe(true);
    expect(reportOnTime('2027-10-31', '2027-11-01')).toBe(false);
  });
});
