import { LegalSex } from '../../domain/enums';
import { CoordinationAgeBand, CoordinationGroup, coordinationReport, difference } from '../../domain/coordination-statistics';

const group = (over: Partial<CoordinationGroup>): CoordinationGroup => ({
  careUnitId: 'u1',
  municipalityId: 'm1',
  ageBand: CoordinationAgeBand.ABOVE_YOUNG_ADULT,
  occupation: 'EMPLOYED',
  sex: LegalSex.FEMALE,
  opened: 0,
  declined: 0,
  closedWithReturnToWork: 0,
  firstContacted: 0,
  daysToFirstContact: 0,
  employerContact: 0,
  activities: 0,
  kva: {},
  ...over,
});

const rows = { careUnitIds: ['u1', 'u2'], municipalityIds: ['m1', 'm2', null], occupations: ['EMPLOYED', 'JOB_SEEKING', 'STUDENT', 'OTHER'], kvaCodes: ['GC001', 'ZV506'] };

describe('coordination statistics for planners', () => {
  it('shows women and men side by side in every row, zeros included', () => {
    const report = coordinationReport([group({ opened: 12 })], rows, 5);
    const all = [report.region, ...report.byCareUnit.map((r) => r.figures), ...report.byMunicipality.map((r) => r.figures), ...report.byAgeBand.map((r) => r.figures)];
    for (const f of all) {
      for (const figure of [f.opened, f.declined, f.closedWithReturnToWork, f.firstContacted, f.withEmployerContact, f.meanDaysToFirstContact, f.employerContactShare, f.activitiesPer100Cases]) {
        expect(Object.keys(figure).sort()).toEqual(['female', 'male', 'total']);
      }
    }
    expect(report.byMunicipality.map((r) => r.municipalityId)).toEqual(['m1', 'm2', null]);
    expect(report.employerContactGap).toHaveLength(3 * 4);
    expect(report.region.opened.male.display).toBe('0');
    expect(report.region.opened.female.display).toBe('12');
  });

  it('never shows a count under the threshold, nor one that gives it away', () => {
    const report = coordinationReport(
      [
        group({ opened: 3, sex: LegalSex.MALE, careUnitId: 'u2', municipalityId: 'm2' }),
        group({ opened: 20, declined: 2, employerContact: 9, activities: 60, kva: { GC001: 15 } }),
        group({ opened: 7, employerContact: 7, municipalityId: null, ageBand: CoordinationAgeBand.YOUNG_ADULT }),
      ],
      rows,
      5,
    );
    const counts = (f: typeof report.region) => [f.opened, f.declined, f.withEmployerContact].flatMap((b) => [b.total, b.female, b.male]);
    const all = [report.region, ...report.byCareUnit.map((r) => r.figures), ...report.byMunicipality.map((r) => r.figures), ...report.byAgeBand.map((r) => r.figures)];
    for (const c of all.flatMap(counts)) {
      if (!c.suppressed) expect(c.value === 0 || c.value! >= 5).toBe(true);
    }
    // Three men in all: hidden, and so are the women, from whom they would follow with the total.
    expect(report.region.opened.male).toEqual({ value: null, suppressed: true, display: '<5' });
    expect(report.region.opened.female).toEqual({ value: null, suppressed: true, display: '..' });
    expect(report.region.opened.total.display).toBe('30');
    // The declined women (2): hidden everywhere they show.
    expect(report.region.declined.female.display).toBe('<5');
  });

  it('hides a share where the cases with employer contact are hidden, and the other sex\'s when it gives them away', () => {
    const report = coordinationReport(
      [group({ opened: 10, employerContact: 4 }), group({ opened: 10, employerContact: 8, sex: LegalSex.MALE })],
      { ...rows, careUnitIds: ['u1'], municipalityIds: ['m1'] },
      5,
    );
    const employed = report.employerContactGap.find((r) => r.ageBand === CoordinationAgeBand.ABOVE_YOUNG_ADULT && r.occupation === 'EMPLOYED')!;
    expect(employed.withEmployerContact.female.display).toBe('<5');
    expect(employed.employerContactShare.female.suppressed).toBe(true);
    // 8 men with the total 12 would give away the 4 women: hidden too, and the men's share with them.
    expect(employed.withEmployerContact.male.display).toBe('..');
    expect(employed.employerContactShare.male.suppressed).toBe(true);
    expect(employed.opened.male.display).toBe('10');
    expect(employed.gapPercentagePoints.suppressed).toBe(true);
  });

  it('gives the gap in percentage points, women less men, for the same age band and occupation', () => {
    const report = coordinationReport(
      [group({ opened: 20, employerContact: 5 }), group({ opened: 10, employerContact: 6, sex: LegalSex.MALE })],
      { ...rows, careUnitIds: ['u1'], municipalityIds: ['m1'] },
      5,
    );
    const employed = report.employerContactGap.find((r) => r.occupation === 'EMPLOYED' && r.ageBand === CoordinationAgeBand.ABOVE_YOUNG_ADULT)!;
    expect(employed.employerContactShare.female.display).toBe('25.00');
    expect(employed.employerContactShare.male.display).toBe('60.00');
    expect(employed.gapPercentagePoints).toEqual({ value: -35, suppressed: false, display: '-35.00' });
    // A row with no cases shows no share and no gap, but both sexes.
    const students = report.employerContactGap.find((r) => r.occupation === 'STUDENT' && r.ageBand === CoordinationAgeBand.YOUNG_ADULT)!;
    expect(students.employerContactShare.female.display).toBe('–');
    expect(students.gapPercentagePoints.display).toBe('–');
  });

  it('counts activities and KVÅ codes per 100 cases', () => {
    const report = coordinationReport(
      [group({ opened: 8, activities: 20, kva: { GC001: 6 } }), group({ opened: 12, activities: 30, kva: { GC001: 3, ZV506: 12 }, sex: LegalSex.MALE })],
      { ...rows, careUnitIds: ['u1'], municipalityIds: ['m1'] },
      5,
    );
    expect(report.region.activitiesPer100Cases.total.display).toBe('250.00');
    expect(report.region.kvaPer100Cases.map((k) => [k.code, k.per100Cases.female.display, k.per100Cases.male.display])).toEqual([
      ['GC001', '75.00', '25.00'],
      ['ZV506', '0.00', '100.00'],
    ]);
  });

  it('takes the difference of two shares only when both are shown', () => {
    expect(difference({ value: 50, suppressed: false, display: '50.00' }, { value: null, suppressed: true, display: '..' }).display).toBe('..');
    expect(difference({ value: 50.5, suppressed: false, display: '50.50' }, { value: 40.25, suppressed: false, display: '40.25' }).display).toBe('10.25');
  });
});
