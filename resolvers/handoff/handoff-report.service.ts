import { Country, LegalSex } from '../../domain/enums';
import { DeadlineStatus, DeadlineView } from '../../domain/handoff-timeline';
import { PARAMETER } from '../../domain/rule-parameters';
import { suppressSmall } from '../../domain/statistics';
import type { Access } from '../../server/access/access';
import type { PeriodInput } from '../../schema/common/period.input';
import { plannerRegion } from '../common/planner-region';
import { groupByKey } from '../../server/access/reference.loaders';
import { dischargeTimeline } from './handoff.service';

/** What one discharge adds to the figures. */
interface Figures {
  discharges: number;
  admissionNoticesDue: number;
  admissionNoticesOnTime: number;
  sipCallOutsDue: number;
  sipCallOutsOnTime: number;
  liabilityDays: number;
  liabilityAmount: number | null;
}

const ZERO: Figures = { discharges: 0, admissionNoticesDue: 0, admissionNoticesOnTime: 0, sipCallOutsDue: 0, sipCallOutsOnTime: 0, liabilityDays: 0, liabilityAmount: 0 };

const fellDue = (d: DeadlineView) => d.status === DeadlineStatus.MET || d.status === DeadlineStatus.MISSED;

function add(a: Figures, b: Figures): Figures {
  return {
    discharges: a.discharges + b.discharges,
    admissionNoticesDue: a.admissionNoticesDue + b.admissionNoticesDue,
    admissionNoticesOnTime: a.admissionNoticesOnTime + b.admissionNoticesOnTime,
    sipCallOutsDue: a.sipCallOutsDue + b.sipCallOutsDue,
    sipCallOutsOnTime: a.sipCallOutsOnTime + b.sipCallOutsOnTime,
    liabilityDays: a.liabilityDays + b.liabilityDays,
    liabilityAmount: a.liabilityAmount === null || b.liabilityAmount === null ? null : a.liabilityAmount + b.liabilityAmount,
  };
}

/** One cell: a group is suppressed whole when it has fewer discharges than the threshold. */
function cell(sex: LegalSex | null, f: Figures, threshold: number) {
  const hidden = suppressSmall(f.discharges, threshold);
  // The other figures of a visible group are shown even when small: the group is large enough.
  const count = (n: number) => (hidden.suppressed ? hidden : { value: n, suppressed: false, display: String(n) });
  return {
    sex,
    discharges: count(f.discharges),
    admissionNoticesDue: count(f.admissionNoticesDue),
    admissionNoticesOnTime: count(f.admissionNoticesOnTime),
    sipCallOutsDue: count(f.sipCallOutsDue),
    sipCallOutsOnTime: count(f.sipCallOutsOnTime),
    liabilityDays: count(f.liabilityDays),
    liabilityAmount: hidden.suppressed ? null : f.liabilityAmount,
  };
}

/** Both sexes, then FEMALE, then MALE, of the discharges in `group`. */
function cells(group: { sex: LegalSex; figures: Figures }[], threshold: number) {
  const sum = (items: typeof group) => items.reduce((acc, i) => add(acc, i.figures), ZERO);
  return [
    cell(null, sum(group), threshold),
    cell(LegalSex.FEMALE, sum(group.filter((g) => g.sex === LegalSex.FEMALE)), threshold),
    cell(LegalSex.MALE, sum(group.filter((g) => g.sex === LegalSex.MALE)), threshold),
  ];
}

type Item = { sex: LegalSex; figures: Figures; municipalityId: string | null; hospitalId: string };

function rowsBy(items: Item[], keyOf: (item: Item) => string | null, threshold: number): { id: string; cells: ReturnType<typeof cells> }[] {
  const keys = [...new Set(items.map(keyOf).filter((k): k is string => k !== null))];
  return groupByKey(keys, items, (i) => keyOf(i) ?? '').map((group, i) => ({ id: keys[i], cells: cells(group, threshold) }));
}

/**
 * Coordinated-discharge figures of a region's discharges admitted in a period, per home
 * municipality and per hospital, by sex. PLANNER of that region. Deadlines are judged as of now.
 */
export async function handoffDeadlineReport(access: Access, regionCode: string, country: Country, period: PeriodInput) {
  const region = await plannerRegion(access, regionCode, country, period);
  const { handoffs, messages } = await access.handoffs.reportRows(region.id, region.timeZone, period.from, period.to);
  const parameters = await access.reference.parameters(region.id);
  const threshold = await access.reference.parameter<number>(PARAMETER.STATISTICS_SMALL_CELL_THRESHOLD, await access.today(), region.id);
  const messagesOf = groupByKey(handoffs.map((h) => h.id), messages, (m) => m.handoffId);
  const items: Item[] = handoffs.map((h, i) => {
    const { timeline } = dischargeTimeline(region, parameters, h, messagesOf[i], access.now());
    const callOuts = timeline.readyPeriods.map((p) => p.sipCallOut);
    const figures: Figures = {
      discharges: 1,
      admissionNoticesDue: Number(fellDue(timeline.admissionNotice)),
      admissionNoticesOnTime: Number(timeline.admissionNotice.status === DeadlineStatus.MET),
      sipCallOutsDue: callOuts.filter(fellDue).length,
      sipCallOutsOnTime: callOuts.filter((d) => d.status === DeadlineStatus.MET).length,
      liabilityDays: timeline.liabilityDays,
      liabilityAmount: timeline.liabilityAmount,
    };
    return { sex: h.legalSex, municipalityId: h.homeMunicipalityId, hospitalId: h.sendingCareUnitId, figures };
  });
  const [byMunicipality, byHospital] = await Promise.all([
    sortByName(rowsBy(items, (i) => i.municipalityId, threshold), (id) => access.reference.organisation(id)),
    sortByName(rowsBy(items, (i) => i.hospitalId, threshold), (id) => access.reference.careUnit(id)),
  ]);
  return {
    from: period.from,
    to: period.to,
    smallCellThreshold: threshold,
    total: cells(items, threshold),
    byMunicipality: byMunicipality.map((r) => ({ municipality: r.named, cells: r.cells })),
    byHospital: byHospital.map((r) => ({ hospital: r.named, cells: r.cells })),
  };
}

async function sortByName<T extends { id: string }, N extends { name: string }>(rows: T[], load: (id: string) => Promise<N | null>): Promise<(T & { named: N })[]> {
  const named = await Promise.all(rows.map(async (r) => ({ ...r, named: (await load(r.id))! })));
  return named.sort((a, b) => a.named.name.localeCompare(b.named.name, 'sv'));
}
