import { parseArgs } from 'node:util';
import { Client } from 'pg';
import { Role } from '../../domain/enums';
import { isUuid } from '../../domain/uuid';
import { referenceRows, seededOrganisationId } from '../../entities/seed/seed';
import { loadConfig } from '../config';
import { signDevToken } from './dev-keys';

const USAGE =
  'usage: npm run token -- --org <2062 | 20 | 20:fk | 20:norra-dalarna | 478 | FI:21 | organisation id> --role <ROLE> [--role ROLE] [--user id] [--care-unit id] [--ttl 8h]';

/** Thrown for anything the caller typed wrong: printed as one line, exit code 2. */
class UsageError extends Error {}

/**
 * An organisation the token may name: one of the reference data's (by code, slug or id) or, where the
 * command can reach PostgreSQL (DATABASE_URL), any organisation of the database. The embedded database
 * is held by the running server, so there only the reference data's organisations are known.
 */
async function knownOrganisation(ref: string, databaseUrl: string | null): Promise<string> {
  const id = isUuid(ref) ? ref : seededOrganisationId(ref);
  if (!id) throw new UsageError(`--org ${ref}: not a municipality code, region code, region:slug or organisation id`);
  if (referenceRows().organisations.some((o) => o.id === id)) return id;
  if (!databaseUrl || !isUuid(ref)) {
    throw new UsageError(
      `--org ${ref}: no such organisation in the reference data` +
        (isUuid(ref) ? ' (an organisation created at run time is looked up only when DATABASE_URL names its database)' : ''),
    );
  }
  const client = new Client({ connectionString: databaseUrl });
  try {
    await client.connect();
    const { rowCount } = await client.query('SELECT 1 FROM organisation WHERE id = $1', [id]);
    if (!rowCount) throw new UsageError(`--org ${ref}: no such organisation in the database`);
    return id;
  } catch (e) {
    if (e instanceof UsageError) throw e;
    // The driver's message may quote the URL; the code says enough.
    throw new UsageError(`--org ${ref}: the database could not be asked (${(e as { code?: string }).code ?? 'no connection'})`);
  } finally {
    await client.end().catch(() => undefined);
  }
}

/**
 * npm run token -- --org <municipality code | county code | 20:fk | FI:21 | organisation id> --role <ROLE> [--role ...]
 *   [--user <id>] [--care-unit <id>] [--ttl 8h]
 * Prints a development bearer token signed with the key under DATA_DIR. Wrong input gets one line
 * on stderr and exit code 2.
 */
async function main() {
  let values;
  try {
    ({ values } = parseArgs({
      options: {
        org: { type: 'string' },
        role: { type: 'string', multiple: true },
        user: { type: 'string', default: 'dev-user' },
        'care-unit': { type: 'string' },
        ttl: { type: 'string', default: '8h' },
      },
    }));
  } catch (e) {
    // parseArgs names the unknown or malformed flag in its message.
    throw new UsageError((e as Error).message);
  }
  const roles = values.role ?? [];
  const unknown = roles.filter((r) => !(Object.values(Role) as string[]).includes(r));
  if (!values.org || roles.length === 0) throw new UsageError(USAGE);
  if (unknown.length > 0) throw new UsageError(`unknown role ${unknown.join(', ')}; roles: ${Object.values(Role).join(', ')}`);
  const config = loadConfig();
  const organisationId = await knownOrganisation(values.org, config.databaseUrl);
  process.stdout.write(
    `${await signDevToken(config.dataDir, { userId: values.user!, organisationId, roles, careUnitId: values['care-unit'], expiresIn: values.ttl })}\n`,
  );
}

main().catch((e) => {
  if (!(e instanceof UsageError)) throw e;
  console.error(e.message);
  process.exit(2);
});
