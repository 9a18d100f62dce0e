import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { writeOnce } from '../../server/write-once';

describe('a file written once (development keys under a shared DATA_DIR)', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'samrehab-write-once-'));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('keeps what the first writer wrote, tells a later writer so, and leaves no draft behind', () => {
    const file = path.join(dir, 'key');
    expect(writeOnce(file, 'first')).toBe('first');
    expect(writeOnce(file, 'second')).toBe('first');
    expect(fs.readFileSync(file, 'utf8')).toBe('first');
    expect((fs.statSync(file).mode & 0o777).toString(8)).toBe('600');
    expect(fs.readdirSync(dir)).toEqual(['key']);
  });
});
