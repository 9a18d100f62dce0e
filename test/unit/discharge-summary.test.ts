import { DischargeParameters, swedishWorkingCalendar } from '../../domain/discharge-deadlines';
import { dischargeFigures } from '../../domain/discharge-figures';
import { dischargeFiguresAt, dischargeSummary } from '../../domain/discharge-summary';
import { HandoffMessageKind } from '../../domain/handoff-messages';
import { handoffTimeline, TimelineMessage } from '../../domain/handoff-timeline';
import { EVENT_MESSAGE_KINDS } from '../../domain/event-time';
import { seededRandom } from '../support/seeded-random';

/**
 * A discharge's summary, kept at write time, must give the figures its timeline gives at every
 * later (and earlier) "now": generated logs with ties, messages on the deadlines' edges, cases open
 * and closed, read at instants on both sides of every deadline the log has.
 */
const TZ = 'Europe/Stockholm';
const HOUR = 3600_000;
const MUNICIPALITY = 'municipality';
const calendar = swedishWorkingCalendar();


const KINDS = [
  HandoffMessageKind.ADMISSION_NOTICE,
  HandoffMessageKind.DISCHARGE_READY_NOTICE,
  HandoffMessageKind.DISCHARGE_READY_NOTICE,
  HandoffMessageKind.SIP_CALL_OUT,
  HandoffMessageKind.SIP_CALL_OUT,
  HandoffMessageKind.READINESS_INTERRUPTED,
  HandoffMessageKind.DISCHARGE_NOTICE,
  HandoffMessageKind.CANCELLATION,
  HandoffMessageKind.FREE_TEXT,
];

const PARAMETERS: DischargeParameters[] = [
  { admissionNoticeHours: 24, sipCallOutDays: 3, liabilityAfterDays: 3, liabilityDayKind: 'CALENDAR', dailyAmount: 12000, lateSendCutoff: null },
  { admissionNoticeHours: 48, sipCallOutDays: 2, liabilityAfterDays: 5, liabilityDayKind: 'WORKING', dailyAmount: null, lateSendCutoff: '14:00' },
  { admissionNoticeHours: 24, sipCallOutDays: 3, liabilityAfterDays: 0, liabilityDayKind: 'WORKING', dailyAmount: 9500, lateSendCutoff: '09:30' },
];

describe('a discharge summary read at any now', () => {
  it('gives the figures of the timeline read at that now', () => {
    const random = seededRandom(20261203);
    const start = Date.parse('2024-03-25T00:00:00+01:00');
    let compared = 0;
    for (let c = 0; c < 400; c++) {
      const admittedAt = new Date(start + random.int(300 * 24) * HOUR + random.int(HOUR));
      const messages: TimelineMessage[] = [];
      let at = admittedAt.getTime();
      // Event messages may report a time before their recording, never before the previous event.
      let previousEvent = admittedAt.getTime();
      for (let n = random.int(9); n > 0; n--) {
        at += random.pick([0, 1, 60_000, HOUR, 20 * HOUR, 25 * HOUR, 49 * HOUR, 3 * 24 * HOUR, 5 * 24 * HOUR]) + random.int(6 * HOUR);
        const kind = random.pick(KINDS);
        const occurredAt = EVENT_MESSAGE_KINDS.has(kind) && random.chance(0.5) ? previousEvent + random.int(at - previousEvent + 1) : at;
        if (EVENT_MESSAGE_KINDS.has(kind)) previousEvent = occurredAt;
        messages.push({ kind, sentAt: new Date(at), occurredAt: new Date(occurredAt), recipientOrganisationIds: random.pick([[], [MUNICIPALITY], ['region'], [MUNICIPALITY, 'region']]) });
      }
      const input = { admittedAt, homeMunicipalityId: random.chance(0.1) ? null : MUNICIPALITY, messages, timeZone: TZ, parameters: random.pick(PARAMETERS), calendar };
      const summary = dischargeSummary(input);
      // Every instant the figures can turn on, a millisecond either side, and some days later.
      const timeline = handoffTimeline({ ...input, now: admittedAt });
      const turns = [
        admittedAt,
        timeline.admissionNotice.due!,
        ...timeline.readyPeriods.flatMap((p) => [p.startedAt, p.sipCallOut.due!, ...(p.endedAt ? [p.endedAt] : [])]),
        ...messages.flatMap((m) => [m.sentAt, m.occurredAt]),
      ].flatMap((d) => [-1, 0, 1, 20 * HOUR, 4 * 24 * HOUR].map((offset) => new Date(d.getTime() + offset)));
      for (const now of turns) {
        expect({ c, now, figures: dischargeFiguresAt(summary, now, TZ) }).toEqual({ c, now, figures: dischargeFigures(handoffTimeline({ ...input, now })) });
        compared += 1;
      }
    }
    expect(compared).toBeGreaterThan(8_000);
  });
});
