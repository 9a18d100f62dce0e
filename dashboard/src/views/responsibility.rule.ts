import type { CareLevel, DashboardResponsibilityRuleQuery, DashboardRuleFieldsFragment } from '../../../client-sdk/src/generated';
import { el } from '../components/dom';
import type { Lang } from '../i18n';
import type { MapRow } from './responsibility.rows';
import { strings } from './responsibility.strings';

type Rule = DashboardRuleFieldsFragment;
type Detailed = DashboardResponsibilityRuleQuery['responsibility'];
/** What partText reads: a map cell's answer and a detailed one alike. */
type Named = { name: string } | null;
type Parties = { responsible: Named; performer: Named; costBearer: Named; performerCareLevel: CareLevel | null };
type S = (typeof strings)[Lang];

/** A description list of (term, description) pairs, leaving out the empty ones. */
function list(pairs: [string, string | Node | null | undefined][]): HTMLElement {
  const dl = el('dl');
  for (const [term, value] of pairs) if (value !== null && value !== undefined && value !== '') dl.append(el('dt', {}, term), el('dd', {}, value));
  return dl;
}

const listOf = <T extends string>(values: readonly T[] | null, label: (v: T) => string, s: S) => (values ? values.map(label).join(', ') : s.any);

/** A rule's conditions (null = any), validity and source reference. */
function conditions(rule: Rule, s: S): HTMLElement {
  return list([
    [s.condition.intervention, rule.interventionCode],
    [s.condition.group, rule.interventionGroup],
    [s.condition.housingForms, listOf(rule.housingForms, (h) => s.housingForms[h], s)],
    [s.condition.enrolled, rule.enrolledInHomeHealthCare === null ? s.any : rule.enrolledInHomeHealthCare ? s.yes : s.no],
    [s.condition.careLevels, listOf(rule.careLevels, (c) => s.careLevels[c], s)],
    [s.condition.ages, s.ages(rule.ageMin, rule.ageMax)],
    [s.condition.professions, listOf(rule.professions, (p) => s.professions[p], s)],
    [s.condition.municipalities, rule.municipalityCodes ? rule.municipalityCodes.join(', ') : s.any],
    [s.condition.validity, s.validity(rule.validFrom, rule.validTo)],
  ]);
}

/** The answer's parties by name, the performing care level after the performer. */
export function partText(answer: Parties, part: 'responsible' | 'performer' | 'costBearer', s: S): string {
  if (part !== 'performer') return answer[part]?.name ?? s.none;
  const level = answer.performerCareLevel ? s.careLevels[answer.performerCareLevel] : null;
  if (answer.performer && level) return `${answer.performer.name} (${level})`;
  return answer.performer?.name ?? level ?? s.none;
}

function ruleDetails(rule: Rule, s: S): HTMLElement {
  return list([
    [s.ruleId, el('code', {}, rule.id)],
    [s.conditions, conditions(rule, s)],
    [s.note, rule.note],
    [s.ruleSource, rule.sourceReference],
  ]);
}

/**
 * The dialog's content for one side of a row: the situation, the answer, and what decides it (the
 * agreement and rule with its conditions and source), or why there is no single answer.
 */
export function ruleContent(row: MapRow, answer: Detailed, scenario: string, lang: Lang, titleId: string): HTMLElement[] {
  const s = strings[lang];
  const situation = `${row.interventionName} · ${s.housingForms[row.housingForm]} · ${s.enrolled}: ${row.enrolledInHomeHealthCare ? s.yes : s.no}`;
  const parts: HTMLElement[] = [el('h2', { id: titleId }, s.ruleTitle(scenario)), el('p', {}, situation)];
  if (answer.status === 'ASSIGNED' && answer.rule) {
    const agreement = answer.agreement;
    parts.push(
      list([
        [s.outcome, `${s.parts.responsible}: ${partText(answer, 'responsible', s)}; ${s.parts.performer}: ${partText(answer, 'performer', s)}; ${s.parts.costBearer}: ${partText(answer, 'costBearer', s)}`],
        [s.agreement, agreement ? `${agreement.title}, ${s.version(agreement.version)}${agreement.example ? ` (${s.example})` : ''}` : null],
        [s.source, agreement?.sourceDocument ? s.sourceDocument(agreement.sourceDocument, agreement.sourceDate) : null],
      ]),
      el('h3', {}, s.rule),
      ruleDetails(answer.rule, s),
    );
    return parts;
  }
  parts.push(list([[s.outcome, answer.status === 'OVERLAP' ? s.overlap : s.gap], [s.reason, answer.reason]]));
  if (answer.overlappingRules.length > 0) {
    parts.push(el('h3', {}, s.overlappingRules));
    for (const rule of answer.overlappingRules) {
      const who = rule.responsible.role === 'ORGANISATION' ? `${s.roles.ORGANISATION} ${rule.responsible.organisationId}` : s.roles[rule.responsible.role];
      parts.push(el('section', { class: 'overlapping-rule' }, el('p', {}, `${s.parts.responsible}: ${who}`), ruleDetails(rule, s)));
    }
  }
  return parts;
}
