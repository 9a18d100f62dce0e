import { AgreementPartyEntity, AssociationMembershipEntity, SipEntity, SipFollowUpEntity } from '../../entities';
import { insertRows, selectList, setList } from '../../server/access/entity-columns';

describe('select lists and patch maps from the entity declarations', () => {
  it('names every declared column as its property, leaving out the omitted ones', () => {
    expect(selectList(SipFollowUpEntity, 'f', ['doneBy']).sql).toBe(
      'f.id AS "id", f.region_id AS "regionId", f.sip_id AS "sipId", f.due_date::text AS "dueDate", f.done_at AS "doneAt", f.occurred_at AS "occurredAt", ' +
        'f.meeting_id AS "meetingId", f.note AS "note", f.kva_code AS "kvaCode", f.created_at AS "createdAt"',
    );
  });

  it('reads numerics as numbers', () => {
    expect(selectList(AssociationMembershipEntity, 'm').sql).toContain('m.financing_share::float8 AS "financingShare"');
  });

  it('maps a patch to its columns, numbering parameters from the given one', () => {
    expect(setList(SipEntity, { personGoals: 'walk again', endReason: null }, 4)).toEqual({
      sql: ['person_goals = $4', 'end_reason = $5'],
      values: ['walk again', null],
    });
  });

  it('refuses a property the entity does not declare', () => {
    expect(() => setList(SipEntity, { nextFollowUpDate: '2026-01-01' } as never, 1)).toThrow('SipEntity declares no column nextFollowUpDate');
  });

  it('inserts several rows in one statement, property by property in the order of the first row', () => {
    const rows = [
      { agreementId: 'a', organisationId: 'o1', regionId: 'r' },
      { agreementId: 'a', regionId: 'r', organisationId: 'o2' },
    ];
    expect(insertRows(AgreementPartyEntity, rows)).toEqual({
      sql: 'INSERT INTO agreement_party (agreement_id, organisation_id, region_id) VALUES ($1, $2, $3), ($4, $5, $6)',
      values: ['a', 'o1', 'r', 'a', 'o2', 'r'],
    });
  });

  it('refuses rows that set different properties, and no rows at all', () => {
    expect(() => insertRows(AgreementPartyEntity, [{ agreementId: 'a', organisationId: 'o' }, { agreementId: 'a' }])).toThrow('sets the same properties');
    expect(() => insertRows(AgreementPartyEntity, [])).toThrow('No AgreementPartyEntity rows');
  });
});
