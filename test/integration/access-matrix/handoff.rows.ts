import { seededOrganisationId } from '../../../entities/seed/seed';
import { DENIED_TO_OUTSIDERS, MatrixRows, pagesUntil } from './matrix';

const HANDOFF_READERS = { nonParticipant: 'NOT_FOUND', otherRegion: 'NOT_FOUND', planner: 'FORBIDDEN', integration: 'DATA', anonymous: 'UNAUTHENTICATED' } as const;

/** The discharge hand-off of the shared fixture, its messages, and a referral. */
export const rows: MatrixRows = {
  operations: [
    {
      name: 'handoff',
      run: (app, token, f) => app.gql(`query($id: ID!) { handoff(id: $id) { id patient { id } } }`, { id: f.handoffId }, token),
      check: (data, f) => expect(data.handoff).toEqual({ id: f.handoffId, patient: { id: f.patientId } }),
      expected: { owner: 'DATA', participant: 'DATA', ...HANDOFF_READERS },
    },
    {
      name: 'handoffInbox',
      run: (app, token, f) =>
        pagesUntil(app, token, `query($after: String) { handoffInbox(first: 100, after: $after) { edges { node { id } } pageInfo { hasNextPage endCursor } } }`, 'handoffInbox', (n) => n.id === f.handoffId),
      // Mora and Region Dalarna (its primary care) received the hand-off; outsiders get an empty inbox.
      check: (data, f, viewer) => expect(data.handoffInbox.edges.some((e: any) => e.node.id === f.handoffId)).toBe(['owner', 'participant', 'integration'].includes(viewer)),
      expected: { owner: 'DATA', participant: 'DATA', nonParticipant: 'DATA', otherRegion: 'DATA', planner: 'FORBIDDEN', integration: 'DATA', anonymous: 'UNAUTHENTICATED' },
    concernsPatient: false,
    },
    {
      name: 'handoffCreate (referral)',
      run: (app, token, f, viewer) =>
        app.gql(
          `mutation($input: HandoffCreateInput!) { handoffCreate(input: $input) { handoff { id state } } }`,
          { input: { patientId: f.patientId, kind: 'REFERRAL', sendingCareUnitId: f.careUnitOf(viewer), recipients: [{ organisationId: seededOrganisationId(viewer === 'owner' ? '20' : '2062') }] } },
          token,
        ),
      check: (data) => expect(data.handoffCreate.handoff.state).toBe('SENT'),
      expected: { owner: 'DATA', participant: 'DATA', ...DENIED_TO_OUTSIDERS },
    },
    {
      name: 'handoffMessageSend',
      run: async (app, token, f, viewer) =>
        app.gql(
          `mutation($input: HandoffMessageSendInput!) { handoffMessageSend(input: $input) { message { kind } } }`,
          {
            input: {
              handoffId: f.handoffId,
              version: await f.handoffVersion(),
              kind: 'FREE_TEXT',
              // Region Dalarna is both the sending ward and the receiving primary care: it names its unit.
              senderCareUnitId: viewer === 'participant' ? f.careUnitOf(viewer) : null,
              content: { text: 'Hjälpmedel beställt' },
            },
          },
          token,
        ),
      check: (data) => expect(data.handoffMessageSend.message.kind).toBe('FREE_TEXT'),
      expected: { owner: 'DATA', participant: 'DATA', ...DENIED_TO_OUTSIDERS },
    },
    {
      name: 'handoffMessageAcknowledge',
      run: (app, token, f) => app.gql(`mutation($id: ID!) { handoffMessageAcknowledge(input: { messageId: $id }) { message { id } } }`, { id: f.admissionNoticeId }, token),
      check: (data, f) => expect(data.handoffMessageAcknowledge.message.id).toBe(f.admissionNoticeId),
      expected: { owner: 'DATA', participant: 'DATA', ...HANDOFF_READERS },
    },  ],
};
