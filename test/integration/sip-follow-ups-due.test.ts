import { Role } from '../../domain/enums';
import { seededCareUnitId, seededOrganisationId } from '../../entities/seed/seed';
import { testPersonnummer } from '../support/personnummer';
import { sipThroughActivation } from '../support/sip-journey';
import { startTestApp, TestApp } from '../support/test-app';

/**
 * sipFollowUpsDue reads the organisation's participant rows, which carry copies of their plan's
 * status and open follow-up (kept by triggers). Whatever the plans go through, the list must be
 * what the plans themselves say: each running plan's open follow-up due before the date, for the
 * plans the organisation takes part in, by due date then id, in pages that neither skip nor repeat.
 */
describe('sipFollowUpsDue follows the plans it lists', () => {
  let app: TestApp;
  let hedemora: string;
  const DALARNA = seededOrganisationId('20')!;
  // Hedemora kommun takes part in no plan but these.
  const HEDEMORA = seededOrganisationId('2083')!;
  const VC_HEDEMORA = seededCareUnitId('20', 'vc-hedemora');
  const plans: { id: string; version: number }[] = [];
  const inDays = (days: number) => new Date(Date.now() + days * 86400_000).toISOString().slice(0, 10);
  const ok = (res: any, field: string) => {
    expect(res.errors).toBeUndefined();
    return res.data[field];
  };
  const SIP = 'sip { id version participants { id } meetings { id } }';
  const step = async (field: string, input: string, variables: Record<string, unknown>) => {
    const sip = ok(await app.gql(`mutation($input: ${input}!) { ${field}(input: $input) { ${SIP} } }`, { input: variables }, hedemora), field).sip;
    const known = plans.find((p) => p.id === sip.id);
    if (known) known.version = sip.version;
    return sip;
  };

  /** The list through the API, two at a time. */
  const walk = async (before: string) => {
    const seen: [string, string, string][] = [];
    let after: string | null = null;
    do {
      const res: any = await app.gql(
        `query($org: ID!, $before: LocalDate, $after: String) { sipFollowUpsDue(organisationId: $org, before: $before, first: 2, after: $after) {
          edges { node { id dueDate sip { id } } } pageInfo { hasNextPage endCursor } } }`,
        { org: HEDEMORA, before, after },
        hedemora,
      );
      expect(res.errors).toBeUndefined();
      seen.push(...res.data.sipFollowUpsDue.edges.map((e: any) => [e.node.id, e.node.dueDate, e.node.sip.id]));
      after = res.data.sipFollowUpsDue.pageInfo.hasNextPage ? res.data.sipFollowUpsDue.pageInfo.endCursor : null;
    } while (after);
    return seen;
  };

  /** What the plans' own rows say (not the copies). */
  const expected = async (before: string) =>
    (
      await app.dataSource.query(
        `SELECT f.id, f.due_date::text AS due, s.id AS sip FROM sip_follow_up f JOIN sip s ON s.id = f.sip_id
         WHERE f.done_at IS NULL AND f.due_date < $2::date AND s.status IN ('ACTIVE', 'FOLLOW_UP')
           AND EXISTS (SELECT 1 FROM sip_participant sp WHERE sp.sip_id = s.id AND sp.kind = 'ORGANISATION' AND sp.organisation_id = $1 AND sp.removed_at IS NULL)
         ORDER BY f.due_date, f.id`,
        [HEDEMORA, before],
      )
    ).map((r: any) => [r.id, r.due, r.sip]);

  beforeAll(async () => {
    app = await startTestApp();
    hedemora = await app.token('2083', Role.CARE_STAFF);
    for (let i = 0; i < 5; i += 1) {
      const patientId = ok(
        await app.gql(`mutation($p: String!) { patientCreate(input: { personnummer: $p, homeMunicipalityCode: "2083" }) { patient { id } } }`, { p: testPersonnummer(`1952060${i + 1}`) }, hedemora),
        'patientCreate',
      ).patient.id;
      ok(
        await app.gql(
          `mutation($input: ConsentRecordInput!) { consentRecord(input: $input) { consent { id } } }`,
          { input: { patientId, recipientOrganisationId: DALARNA, categories: ['CARE_AND_REHAB_PLAN'], purpose: 'SIP', validTo: inDays(60) } },
          hedemora,
        ),
        'consentRecord',
      );
      const sip = await sipThroughActivation(step, { patientId, municipalityId: HEDEMORA, regionId: DALARNA, careUnitId: VC_HEDEMORA, meetingPlace: 'Vårdcentralen Hedemora' });
      plans.push({ id: sip.id, version: sip.version });
    }
  });
  afterAll(() => app.stop());

  it('lists every running plan’s open follow-up in due-date order, in pages that neither skip nor repeat', async () => {
    // The same due date for all five at first: the order is then the follow-ups' ids.
    const before = inDays(30);
    expect(await expected(before)).toHaveLength(5);
    expect(await walk(before)).toEqual(await expected(before));
  });

  it('follows a moved due date, a recorded follow-up with its next one, and plans that stop running', async () => {
    const move = (plan: { id: string; version: number }, days: number) =>
      step('sipContentUpdate', 'SipContentUpdateInput', { sipId: plan.id, version: plan.version, nextFollowUpDate: inDays(days) });
    await move(plans[3], 3);
    await move(plans[1], 5);
    // Recorded, with the next follow-up beyond the window: the plan leaves the list.
    ok(
      await app.gql(
        `mutation($input: SipFollowUpRecordInput!) { sipFollowUpRecord(input: $input) { sip { id version } } }`,
        { input: { sipId: plans[0].id, version: plans[0].version, outcome: 'CONTINUE', nextFollowUpDate: inDays(90), note: 'Fortsätter.' } },
        hedemora,
      ),
      'sipFollowUpRecord',
    );
    // Cancelled: no longer running.
    ok(
      await app.gql(`mutation($input: SipStatusInput!) { sipCancel(input: $input) { sip { id status } } }`, { input: { sipId: plans[4].id, version: plans[4].version, reason: 'Flyttat' } }, hedemora),
      'sipCancel',
    );
    const before = inDays(30);
    const listed = await walk(before);
    expect(listed).toEqual(await expected(before));
    expect(listed.map(([, , sip]) => sip)).toEqual([plans[3].id, plans[1].id, plans[2].id]);
    expect(listed.map(([, due]) => due)).toEqual([inDays(3), inDays(5), inDays(14)]);
    // Further ahead, the recorded plan's next follow-up is there.
    expect((await walk(inDays(100))).map(([, , sip]) => sip)).toEqual([plans[3].id, plans[1].id, plans[2].id, plans[0].id]);
  });
});
