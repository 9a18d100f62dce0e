import { Where } from '../../server/access/where';

describe('Where', () => {
  it('numbers placeholders in the order values are added and joins conditions with AND', () => {
    const where = new Where();
    const organisation = where.param('org-1');
    where.and(`a.organisation_id = ${organisation}`).and(`a.state = ${where.param('OPEN')}`);
    where.and(`EXISTS (SELECT 1 FROM b WHERE b.organisation_id = ${organisation})`);
    expect(where.sql).toBe('a.organisation_id = $1 AND a.state = $2 AND EXISTS (SELECT 1 FROM b WHERE b.organisation_id = $1)');
    expect(where.params).toEqual(['org-1', 'OPEN']);
  });

  it('is `true` without conditions, so a query without filters still reads WHERE true', () => {
    const where = new Where();
    expect(where.sql).toBe('true');
    expect(where.params).toEqual([]);
  });
});
