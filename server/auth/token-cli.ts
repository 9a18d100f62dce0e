import { parseArgs } from 'node:util';
import { Role } from '../../domain/enums';
import { isUuid } from '../../domain/uuid';
import { seededOrganisationId } from '../../entities/seed/seed';
import { loadConfig } from '../config';
import { signDevToken } from './dev-keys';

/**
 * npm run token -- --org <municipality code | county code | 20:fk | FI:21 | organisation id> --role <ROLE> [--role ...]
 *   [--user <id>] [--care-unit <id>] [--ttl 8h]
 * Prints a development bearer token signed with the key under DATA_DIR.
 */
async function main() {
  const { values } = parseArgs({
    options: {
      org: { type: 'string' },
      role: { type: 'string', multiple: true },
      user: { type: 'string', default: 'dev-user' },
      'care-unit': { type: 'string' },
      ttl: { type: 'string', default: '8h' },
    },
  });
  const config = loadConfig();
  const roles = values.role ?? [];
  const unknown = roles.filter((r) => !(Object.values(Role) as string[]).includes(r));
  const organisationId = values.org && (isUuid(values.org) ? values.org : seededOrganisationId(values.org));
  if (!organisationId || roles.length === 0 || unknown.length > 0) {
    console.error(
      'usage: npm run token -- --org <2062 | 20 | 20:fk | 20:norra-dalarna | 478 | FI:21 | organisation id> --role <ROLE> [--role ROLE]\n' +
        `roles: ${Object.values(Role).join(', ')}` +
        (unknown.length ? `\nunknown role: ${unknown.join(', ')}` : ''),
    );
    process.exit(2);
  }
  process.stdout.write(
    `${await signDevToken(config.dataDir, { userId: values.user!, organisationId, roles, careUnitId: values['care-unit'], expiresIn: values.ttl })}\n`,
  );
}

void main();
