/**
 * Consents in rehabilitation coordination (lag 2019:1297, VGR's consent templates, seed 003): the
 * patient's consent to coordination itself, and one consent per actor to give information to it
 * (or to receive from it), each one-way and specific: the information categories, the purpose and
 * the period. Informing Försäkringskassan of a need for work-oriented rehabilitation (4 §) needs
 * a consent of its own naming FK.
 */
import { ActorRef, ConsentDirection, CoordinationActorKind, CoordinationProblem, actorProblems, namesActor } from './coordination';
import { ConsentPurpose, DataCategory } from './enums';

/** The purposes a coordination consent is given for. */
export const COORDINATION_PURPOSES: readonly ConsentPurpose[] = [ConsentPurpose.REHABILITATION_COORDINATION, ConsentPurpose.WORK_ORIENTED_REHABILITATION];

/** A coordination consent as the rules see it; actor.kind null: the consent to coordination itself. */
export interface CoordinationConsentFacts {
  actor: ActorRef;
  direction: ConsentDirection;
  categories: readonly DataCategory[];
  purpose: ConsentPurpose;
  validFrom: string;
  validTo: string;
  withdrawnAt: Date | null;
}

const inForce = (c: CoordinationConsentFacts, onDate: string, at: Date) =>
  c.validFrom <= onDate && onDate <= c.validTo && (c.withdrawnAt === null || c.withdrawnAt.getTime() > at.getTime());

/** Is the patient's consent to coordination itself in force (opening or moving a case to ACTIVE needs it)? */
export function consentToCoordinationInForce(consents: readonly CoordinationConsentFacts[], onDate: string, at: Date): boolean {
  return consents.some((c) => c.actor.kind === null && inForce(c, onDate, at));
}

/**
 * Problems with a new consent (empty: fine). One to an actor names its categories: a consent to
 * "all information" with no category is not specific and is refused; the purpose is one of
 * COORDINATION_PURPOSES; the consent to coordination itself names no actor, no direction other
 * than TO_ACTOR and no categories (it is the patient's yes to being coordinated).
 */
export function coordinationConsentProblems(c: Omit<CoordinationConsentFacts, 'withdrawnAt' | 'validFrom' | 'validTo'>): CoordinationProblem[] {
  const problems = actorProblems(c.actor, 'actor');
  if (!COORDINATION_PURPOSES.includes(c.purpose)) problems.push({ field: 'purpose', message: `a coordination consent is given for ${COORDINATION_PURPOSES.join(' or ')}` });
  if (c.actor.kind === null) {
    if (c.categories.length) problems.push({ field: 'categories', message: 'the consent to coordination itself names no information categories: give those in a consent to each actor' });
    if (c.purpose !== ConsentPurpose.REHABILITATION_COORDINATION) problems.push({ field: 'purpose', message: 'the consent to coordination itself has the purpose REHABILITATION_COORDINATION' });
    if (c.direction !== ConsentDirection.TO_ACTOR) problems.push({ field: 'direction', message: 'the consent to coordination itself names no actor to receive from' });
  } else if (c.categories.length === 0) {
    problems.push({ field: 'categories', message: 'a consent to "all information" is not specific: name the categories of information it covers' });
  }
  return problems;
}

/** What the FK notice (4 §) checks: the information it gives and the day it is sent. */
export interface FkNotice {
  /** Categories the notice carries; at least the work capacity. */
  categories: readonly DataCategory[];
  onDate: string;
  at: Date;
}

/**
 * Why the notice to Försäkringskassan of a need for work-oriented rehabilitation may not be sent
 * (null: it may). It needs its own consent: to give information to FK, for the purpose
 * WORK_ORIENTED_REHABILITATION, in force that day and covering every category the notice carries.
 * The message names what is missing, from the first unmet requirement.
 */
export function fkNoticeMissing(consents: readonly CoordinationConsentFacts[], notice: FkNotice): string | null {
  const toFk = consents.filter((c) => c.actor.kind === CoordinationActorKind.FK && c.direction === ConsentDirection.TO_ACTOR);
  if (!toFk.length) return 'no consent from the patient to give information to Försäkringskassan (FK) is recorded on the case';
  const forPurpose = toFk.filter((c) => c.purpose === ConsentPurpose.WORK_ORIENTED_REHABILITATION);
  if (!forPurpose.length) return 'the consents to Försäkringskassan are not for the purpose WORK_ORIENTED_REHABILITATION: the notice needs its own consent';
  const current = forPurpose.filter((c) => inForce(c, notice.onDate, notice.at));
  if (!current.length) return `the consent to Försäkringskassan for WORK_ORIENTED_REHABILITATION is not in force on ${notice.onDate} (withdrawn, expired or not yet valid)`;
  const uncovered = notice.categories.filter((category) => !current.some((c) => c.categories.includes(category)));
  if (uncovered.length) return `the consent to Försäkringskassan does not cover ${uncovered.join(', ')}`;
  return null;
}

/**
 * Why information may not be given to `actor` (null: it may): a consent to give to that actor, in
 * force that day. The patient (kind null) needs none.
 */
export function disclosureMissing(consents: readonly CoordinationConsentFacts[], actor: ActorRef, onDate: string, at: Date): string | null {
  if (actor.kind === null) return null;
  const given = consents.some((c) => c.direction === ConsentDirection.TO_ACTOR && namesActor(c.actor, actor) && inForce(c, onDate, at));
  return given ? null : `no consent in force on ${onDate} lets the coordinator give information to this ${actor.kind} actor: record the patient's consent to it first`;
}
