import fs from 'node:fs';
import { randomBytes } from 'node:crypto';

/**
 * Creates `file` holding `content` unless it exists, and returns what the file holds: ours, or the
 * content another process wrote first. The content is written to a file of its own and then linked
 * into place, so a process starting at the same moment (several instances on one DATA_DIR) sees the
 * file whole or not at all, never created and still empty.
 */
export function writeOnce(file: string, content: string, mode = 0o600): string {
  if (fs.existsSync(file)) return fs.readFileSync(file, 'utf8');
  const draft = `${file}.${process.pid}.${randomBytes(4).toString('hex')}`;
  fs.writeFileSync(draft, content, { mode, flag: 'wx' });
  try {
    fs.linkSync(draft, file);
    return content;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    return fs.readFileSync(file, 'utf8');
  } finally {
    fs.rmSync(draft, { force: true });
  }
}
