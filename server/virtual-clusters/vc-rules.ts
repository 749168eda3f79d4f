import { NAME_MAX_LENGTH, RESERVED_NAMES } from '../../contract/job-config-schema.ts';
import type { RequestUser } from '../auth/request-user.ts';
import { PaiError, badRequest, forbidden } from '../errors.ts';
import { DEFAULT_VC } from './registry.ts';

/** VC routes are served under `/api/v1` and, as OpenPAI v0.16's portal called them, `/api/v2`. */
export const VC_ROUTE_PREFIXES = ['/api/v1/virtual-clusters', '/api/v2/virtual-clusters'] as const;

/** The group every admin is in (OpenPAI's `adminGroup`); no VC may take its name. */
export const ADMIN_GROUP = 'admingroup';

const VC_NAME = /^[A-Za-z0-9_]+$/;
/** As long as a job name may be: VC names become object keys and group names. */
const VC_NAME_MAX_LENGTH = NAME_MAX_LENGTH.virtualCluster;

/** OpenPAI's pattern, a length bound and no reserved key (400 naming `vcName`). */
export function assertVcName(name: string): void {
  if (!VC_NAME.test(name)) {
    throw badRequest('VC name should only contain alpha-numeric and underscore characters');
  }
  if (name.length > VC_NAME_MAX_LENGTH)
    throw badRequest(`vcName: a VC name has at most ${VC_NAME_MAX_LENGTH} characters.`);
  if ((RESERVED_NAMES as readonly string[]).includes(name))
    throw badRequest(`vcName: a VC name must not be ${RESERVED_NAMES.join(', ')}.`);
}

/** OpenPAI's checks of the VC name on every VC write: its pattern, and not `default`. */
export function assertChangeableVcName(name: string): void {
  assertVcName(name);
  if (name === DEFAULT_VC) throw forbidden("Update operation to default vc isn't allowed");
}

export function assertAdmin(user: RequestUser): void {
  if (!user.admin) throw forbidden('Non-admin is not allowed to do this operation.');
}

export const readOnlyVc = (
  name: string,
  verb: 'updated' | 'removed',
  why = 'is defined in PAI_CLUSTER_CONFIG',
) =>
  new PaiError(
    403,
    'ReadOnlyVcError',
    `Vc ${name} is read-only (${why}), can't be ${verb} by rest-api`,
  );
