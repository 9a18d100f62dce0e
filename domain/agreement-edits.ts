/**
 * What an edit of the responsibility map changes, decided without I/O: the store loads the
 * agreement (locked) with its rules and parties, one of these functions returns the change or a
 * refusal, and the store writes the change with its responsibility_change rows in the same
 * transaction, or turns the refusal into its coded error.
 */
import { AgreementRecord, ruleFacts, RuleRecord, RuleValues } from './agreement-records';
import { AgreementScenario, AgreementStatus, OrganisationKind, Role } from './enums';
import { CatalogueEntry, findConflictingRule } from './responsibility';

/** Who asks for the change. */
export interface Editor {
  roles: ReadonlySet<Role>;
  regionId: string;
}

/** Why an edit is refused; the store raises it as the error of that code (CONFLICT with its reason). */
export type Refusal =
  | { code: 'FORBIDDEN'; message: string }
  | { code: 'BAD_USER_INPUT'; message: string; field: string }
  | { code: 'CONFLICT'; reason: 'STALE_VERSION' | 'DUPLICATE' | 'ILLEGAL_STATE'; message: string; field: string; details?: Record<string, unknown> };

/** An agreement as an edit finds it: locked, with all its rules (tens, not thousands) and parties. */
export interface AgreementState {
  agreement: AgreementRecord;
  rules: RuleRecord[];
  partyIds: string[];
}

/** The same, for an edit of one of its rules. */
export interface RuleState extends AgreementState {
  rule: RuleRecord;
}

/** A version to insert, with the organisations party to it; its region is the editor's. */
export type NewAgreement = Omit<AgreementRecord, 'regionId' | 'municipalityCodes'> & { partyIds: string[] };

export type AgreementPatch = Partial<Pick<AgreementRecord, 'title' | 'status' | 'validTo' | 'sourceDocument' | 'sourceDate'>>;

/** One row of the agreement's change log: what was done to it or one of its rules, before and after. */
export interface ChangeEntry {
  agreementId: string;
  ruleId: string | null;
  action: string;
  before: unknown;
  after: unknown;
}

/** Everything one edit writes, in the order the store writes it. */
export interface AgreementChange {
  insertAgreement: NewAgreement | null;
  updateAgreement: { id: string; patch: AgreementPatch } | null;
  /** Rules that end on `lastDay` (a superseded version's rules still running then). */
  endRules: { ids: string[]; lastDay: string } | null;
  updateRule: { id: string; values: Omit<RuleValues, 'agreementId'> } | null;
  deleteRuleId: string | null;
  insertRules: Omit<RuleRecord, 'regionId'>[];
  log: ChangeEntry[];
  /** The agreement (and rule) the mutation answers with. */
  subject: { agreementId: string; ruleId: string | null };
}

export type Decision = { change: AgreementChange } | { refusal: Refusal };

const NO_CHANGE: Omit<AgreementChange, 'log' | 'subject'> = {
  insertAgreement: null,
  updateAgreement: null,
  endRules: null,
  updateRule: null,
  deleteRuleId: null,
  insertRules: [],
};

const changed = (change: Partial<AgreementChange> & Pick<AgreementChange, 'log' | 'subject'>): Decision => ({ change: { ...NO_CHANGE, ...change } });

const badInput = (message: string, field: string): { refusal: Refusal } => ({ refusal: { code: 'BAD_USER_INPUT', message, field } });

/** A RESPONSIBILITY_EDITOR changes the agreements of their own region, and nobody else does. */
export function editorRefusal(editor: Editor, regionId: string): Refusal | null {
  if (!editor.roles.has(Role.RESPONSIBILITY_EDITOR)) return { code: 'FORBIDDEN', message: `This needs one of the roles ${Role.RESPONSIBILITY_EDITOR}` };
  if (regionId !== editor.regionId) return { code: 'FORBIDDEN', message: 'Agreements of another region than yours are not yours to change' };
  return null;
}

const dayBefore = (date: string) => new Date(Date.parse(`${date}T00:00:00Z`) - 86400_000).toISOString().slice(0, 10);

// Rules ------------------------------------------------------------------------------------------

/** A rule as its editor wrote it: the period may be left open to take the agreement's. */
export type RuleDraft = Omit<RuleValues, 'agreementId' | 'validFrom' | 'validTo'> & { validFrom: string | null; validTo: string | null };

/** The draft as a rule of this agreement: its municipalities party to it, its period within the agreement's. Fields are named `rule.…`. */
export function ruleValuesIn(agreement: AgreementRecord, draft: RuleDraft): { values: RuleValues } | { refusal: Refusal } {
  const strangers = (draft.municipalityCodes ?? []).filter((code) => !agreement.municipalityCodes.includes(code));
  if (strangers.length) return badInput(`rule.municipalityCodes: ${strangers.join(', ')} not party to the agreement`, 'rule.municipalityCodes');
  const validFrom = draft.validFrom ?? agreement.validFrom;
  const validTo = draft.validTo ?? agreement.validTo;
  if (validFrom < agreement.validFrom || (agreement.validTo && validFrom > agreement.validTo)) {
    return badInput(`rule.validFrom: the rule must start within its agreement's period (from ${agreement.validFrom})`, 'rule.validFrom');
  }
  if ((validTo && validTo < validFrom) || (agreement.validTo && (!validTo || validTo > agreement.validTo))) {
    return badInput(`rule.validTo: the rule must end within its agreement's period${agreement.validTo ? ` (by ${agreement.validTo})` : ''} and not before it starts`, 'rule.validTo');
  }
  return { values: { ...draft, agreementId: agreement.id, validFrom, validTo } };
}

/** CONFLICT (DUPLICATE) when the rule `id` would make some case resolve to two answers within its agreement. */
export function ruleConflict(existing: readonly RuleRecord[], id: string, values: RuleValues, catalogue: readonly CatalogueEntry[]): Refusal | null {
  const other = findConflictingRule(existing.map(ruleFacts), ruleFacts({ ...values, id }), catalogue);
  if (!other) return null;
  const note = existing.find((r) => r.id === other.id)?.note;
  return {
    code: 'CONFLICT',
    reason: 'DUPLICATE',
    message: `rule: overlaps rule ${other.id}${note ? ` ("${note}")` : ''}, which answers some of the same cases differently`,
    field: 'rule',
    details: { conflictingRuleId: other.id },
  };
}

/** A rule checked against its agreement and the agreement's other rules. */
function checkedRule(editor: Editor, state: AgreementState, id: string, draft: RuleDraft, catalogue: readonly CatalogueEntry[]): { values: RuleValues } | { refusal: Refusal } {
  const refusal = editorRefusal(editor, state.agreement.regionId);
  if (refusal) return { refusal };
  const checked = ruleValuesIn(state.agreement, draft);
  if ('refusal' in checked) return checked;
  const conflict = ruleConflict(state.rules, id, checked.values, catalogue);
  return conflict ? { refusal: conflict } : checked;
}

export function decideRuleCreate(editor: Editor, state: AgreementState, draft: RuleDraft, catalogue: readonly CatalogueEntry[], newId: string): Decision {
  const checked = checkedRule(editor, state, newId, draft, catalogue);
  if ('refusal' in checked) return checked;
  const agreementId = state.agreement.id;
  return changed({
    insertRules: [{ id: newId, ...checked.values }],
    log: [{ agreementId, ruleId: newId, action: 'responsibilityRuleCreate', before: null, after: checked.values }],
    subject: { agreementId, ruleId: newId },
  });
}

export function decideRuleUpdate(editor: Editor, state: RuleState, draft: RuleDraft, catalogue: readonly CatalogueEntry[]): Decision {
  const checked = checkedRule(editor, state, state.rule.id, draft, catalogue);
  if ('refusal' in checked) return checked;
  const { agreementId, ...values } = checked.values;
  return changed({
    updateRule: { id: state.rule.id, values },
    log: [{ agreementId, ruleId: state.rule.id, action: 'responsibilityRuleUpdate', before: state.rule, after: checked.values }],
    subject: { agreementId, ruleId: state.rule.id },
  });
}

export function decideRuleDelete(editor: Editor, state: RuleState): Decision {
  const refusal = editorRefusal(editor, state.agreement.regionId);
  if (refusal) return { refusal };
  const agreementId = state.agreement.id;
  return changed({
    deleteRuleId: state.rule.id,
    log: [{ agreementId, ruleId: state.rule.id, action: 'responsibilityRuleDelete', before: state.rule, after: null }],
    subject: { agreementId, ruleId: null },
  });
}

// Agreements -------------------------------------------------------------------------------------

/** A new agreement as its editor wrote it (texts already parsed). */
export interface AgreementDraft {
  title: string;
  scenario: AgreementScenario;
  validFrom: string;
  validTo: string | null;
  sourceDocument: string | null;
  sourceDate: string | null;
  example: boolean;
}

/** An organisation named as a party, as looked up by its id (null: there is none). */
export interface PartyCandidate {
  id: string;
  organisation: { regionId: string; kind: OrganisationKind } | null;
}

/**
 * An agreement is between the editor's region's principal and at least one of its municipalities;
 * another region's organisation is refused as an unknown id. The candidates come without repeats.
 */
function partiesRefusal(editor: Editor, parties: readonly PartyCandidate[]): Refusal | null {
  const stranger = parties.find((p) => p.organisation?.regionId !== editor.regionId);
  if (stranger) return { code: 'BAD_USER_INPUT', message: `partyOrganisationIds: no organisation with id ${stranger.id} in your region`, field: 'partyOrganisationIds' };
  const kinds = parties.map((p) => p.organisation!.kind);
  if (!kinds.includes(OrganisationKind.REGION) || !kinds.includes(OrganisationKind.MUNICIPALITY)) {
    return { code: 'BAD_USER_INPUT', message: "partyOrganisationIds: an agreement is between your region's principal and at least one of its municipalities", field: 'partyOrganisationIds' };
  }
  return null;
}

/** A first version, active, of a new series. */
export function decideAgreementCreate(editor: Editor, draft: AgreementDraft, parties: readonly PartyCandidate[], ids: { agreement: string; series: string }): Decision {
  const refusal = editorRefusal(editor, editor.regionId);
  if (refusal) return { refusal };
  if (draft.validTo && draft.validTo < draft.validFrom) return badInput('validTo must not be before validFrom', 'validTo');
  const partyRefusal = partiesRefusal(editor, parties);
  if (partyRefusal) return { refusal: partyRefusal };
  const partyIds = parties.map((p) => p.id);
  return changed({
    insertAgreement: { ...draft, id: ids.agreement, seriesId: ids.series, version: 1, supersedesId: null, status: AgreementStatus.ACTIVE, partyIds },
    log: [{ agreementId: ids.agreement, ruleId: null, action: 'agreementCreate', before: null, after: { ...draft, parties: partyIds } }],
    subject: { agreementId: ids.agreement, ruleId: null },
  });
}

/** What a new version changes; omitted texts carry over from the old version. */
export interface NewVersionDraft {
  validFrom: string;
  title?: string;
  sourceDocument?: string | null;
  sourceDate?: string | null;
}

/**
 * A new version from `validFrom`: the old one ends the day before and is superseded, its rules
 * still running then end with it; parties and the rules still in force on `validFrom` carry over,
 * starting no earlier than it. `newId` gives the new version's and each carried rule's id.
 */
export function decideNewVersion(editor: Editor, state: AgreementState, draft: NewVersionDraft, newId: () => string): Decision {
  const old = state.agreement;
  const refusal = editorRefusal(editor, old.regionId);
  if (refusal) return { refusal };
  if (old.status !== AgreementStatus.ACTIVE) {
    // A superseded version means the caller read an older version of the series; a withdrawn one is over.
    const reason = old.status === AgreementStatus.SUPERSEDED ? 'STALE_VERSION' : 'ILLEGAL_STATE';
    return { refusal: { code: 'CONFLICT', reason, message: `The agreement is ${old.status}: supersede its newest version`, field: 'agreementId' } };
  }
  if (draft.validFrom <= old.validFrom || (old.validTo && draft.validFrom > old.validTo)) {
    return badInput(`validFrom must fall after ${old.validFrom}${old.validTo ? ` and by ${old.validTo}` : ''}`, 'validFrom');
  }
  const id = newId();
  const lastDay = dayBefore(draft.validFrom);
  const carried = state.rules
    .filter((r) => !r.validTo || r.validTo >= draft.validFrom)
    .map(({ id: _id, regionId: _r, ...rule }) => ({ ...rule, id: newId(), agreementId: id, validFrom: rule.validFrom > draft.validFrom ? rule.validFrom : draft.validFrom }));
  return changed({
    insertAgreement: {
      id,
      seriesId: old.seriesId,
      version: old.version + 1,
      supersedesId: old.id,
      status: AgreementStatus.ACTIVE,
      title: draft.title ?? old.title,
      scenario: old.scenario,
      validFrom: draft.validFrom,
      validTo: old.validTo,
      sourceDocument: draft.sourceDocument !== undefined ? draft.sourceDocument : old.sourceDocument,
      sourceDate: draft.sourceDate !== undefined ? draft.sourceDate : old.sourceDate,
      example: old.example,
      partyIds: state.partyIds,
    },
    updateAgreement: { id: old.id, patch: { status: AgreementStatus.SUPERSEDED, validTo: lastDay } },
    endRules: { ids: state.rules.filter((r) => r.validFrom <= lastDay && (!r.validTo || r.validTo > lastDay)).map((r) => r.id), lastDay },
    insertRules: carried,
    log: [
      { agreementId: old.id, ruleId: null, action: 'agreementSupersede', before: { status: old.status, validTo: old.validTo }, after: { status: AgreementStatus.SUPERSEDED, validTo: lastDay, supersededBy: id } },
      { agreementId: id, ruleId: null, action: 'agreementNewVersion', before: null, after: { version: old.version + 1, validFrom: draft.validFrom, supersedes: old.id } },
    ],
    subject: { agreementId: id, ruleId: null },
  });
}

/** The fields an update sets (texts already parsed); an omitted field stays, null clears it. */
export type AgreementUpdateDraft = AgreementPatch;

/** An update whose last day still covers every rule of the agreement. */
export function decideAgreementUpdate(editor: Editor, state: AgreementState, draft: AgreementUpdateDraft): Decision {
  const { agreement, rules } = state;
  const refusal = editorRefusal(editor, agreement.regionId);
  if (refusal) return { refusal };
  const { validTo } = draft;
  if (validTo != null) {
    if (validTo < agreement.validFrom) return badInput('validTo must not be before validFrom', 'validTo');
    if (rules.some((r) => !r.validTo || r.validTo > validTo)) {
      return badInput("validTo: some rules run past that day; end them first, so no rule lies outside its agreement's period", 'validTo');
    }
  }
  const patch = Object.fromEntries(Object.entries(draft).filter(([, value]) => value !== undefined)) as AgreementPatch;
  return changed({
    updateAgreement: Object.keys(patch).length ? { id: agreement.id, patch } : null,
    log: [{ agreementId: agreement.id, ruleId: null, action: 'agreementUpdate', before: agreement, after: patch }],
    subject: { agreementId: agreement.id, ruleId: null },
  });
}
