import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { printAppSchema } from '../../server/schema';

/** schema/schema.graphql and the SDK are committed; they must match the code (`npm run generate`). */
describe('committed generated files', () => {
  const root = path.resolve(__dirname, '..', '..');

  it('schema/schema.graphql matches the schema the code builds', async () => {
    expect(fs.readFileSync(path.join(root, 'schema', 'schema.graphql'), 'utf8')).toBe(await printAppSchema());
  });

  it('client-sdk/src/generated.ts and sdk.ts match what graphql-codegen generates from the committed schema', () => {
    const out = fs.mkdtempSync(path.join(os.tmpdir(), 'samrehab-sdk-'));
    execFileSync(process.execPath, [path.join(root, 'node_modules', '@graphql-codegen', 'cli', 'cjs', 'bin.js'), '--config', path.join(root, 'client-sdk', 'codegen.js'), '--silent'], {
      cwd: root,
      env: { ...process.env, SDK_OUT: out },
      stdio: 'pipe',
    });
    for (const file of ['generated.ts', 'sdk.ts']) {
      expect(fs.readFileSync(path.join(out, file), 'utf8')).toBe(fs.readFileSync(path.join(root, 'client-sdk', 'src', file), 'utf8'));
    }
    fs.rmSync(out, { recursive: true, force: true });
  }, 60000);
});
