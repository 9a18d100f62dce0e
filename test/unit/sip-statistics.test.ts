import { sipFigures, SipLife } from '../../domain/sip-statistics';

const PERIOD = { from: '2026-03-01', to: '2026-03-31' };
const TODAY = '2026-04-15';
const plan = (over: Partial<SipLife> = {}): SipLife => ({ createdOn: '2026-03-05', activatedOn: '2026-03-10', endedOn: null, closed: false, ...over });

describe('what one SIP adds to the planners’ figures', () => {
  it('counts a plan started and activated in the period, still running', () => {
    expect(sipFigures(plan(), [], PERIOD, TODAY)).toEqual({ started: 1, active: 1, followUpsDue: 0, followedUpOnTime: 0, closed: 0 });
  });

  it('counts a plan started before the period as active in it but not as started', () => {
    expect(sipFigures(plan({ createdOn: '2026-01-10', activatedOn: '2026-01-20' }), [], PERIOD, TODAY)).toMatchObject({ started: 0, active: 1 });
  });

  it('does not count a plan as active before it is activated, nor after it ended', () => {
    expect(sipFigures(plan({ activatedOn: null }), [], PERIOD, TODAY).active).toBe(0);
    expect(sipFigures(plan({ activatedOn: '2026-04-02' }), [], PERIOD, TODAY).active).toBe(0);
    expect(sipFigures(plan({ createdOn: '2026-01-01', activatedOn: '2026-01-05', endedOn: '2026-02-28', closed: true }), [], PERIOD, TODAY)).toMatchObject({ active: 0, closed: 0 });
  });

  it('counts a plan closed in the period, but not a cancelled one', () => {
    expect(sipFigures(plan({ endedOn: '2026-03-31', closed: true }), [], PERIOD, TODAY)).toMatchObject({ active: 1, closed: 1 });
    expect(sipFigures(plan({ endedOn: '2026-03-31', closed: false }), [], PERIOD, TODAY).closed).toBe(0);
  });

  it('counts follow-ups due in the period, and those done on or before their date as on time', () => {
    const followUps = [
      { dueDate: '2026-03-20', doneOn: '2026-03-20' }, // on the day
      { dueDate: '2026-03-25', doneOn: '2026-03-18' }, // early
      { dueDate: '2026-03-28', doneOn: '2026-04-02' }, // late
      { dueDate: '2026-03-30', doneOn: null }, // skipped
      { dueDate: '2026-04-05', doneOn: null }, // due after the period
    ];
    expect(sipFigures(plan(), followUps, PERIOD, TODAY)).toMatchObject({ followUpsDue: 4, followedUpOnTime: 2 });
  });

  it('does not count a follow-up as due before its date has passed', () => {
    expect(sipFigures(plan(), [{ dueDate: '2026-03-20', doneOn: null }], PERIOD, '2026-03-20').followUpsDue).toBe(0);
    expect(sipFigures(plan(), [{ dueDate: '2026-03-20', doneOn: null }], PERIOD, '2026-03-21').followUpsDue).toBe(1);
  });

  it('does not count an open follow-up of a plan that ended before its date as skipped', () => {
    const ended = plan({ endedOn: '2026-03-15', closed: true });
    expect(sipFigures(ended, [{ dueDate: '2026-03-20', doneOn: null }], PERIOD, TODAY).followUpsDue).toBe(0);
    expect(sipFigures(ended, [{ dueDate: '2026-03-12', doneOn: null }], PERIOD, TODAY).followUpsDue).toBe(1);
  });
});
