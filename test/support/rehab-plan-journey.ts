import type { TestApp } from './test-app';

const levels = [-2, -1, 0, 1, 2].map((level) => ({ level, description: `Nivå ${level}` }));

/**
 * A rehabilitation plan through the API, for tests that need one to issue payment commitments
 * under: the owner's care staff (`ownerToken`) creates it for a long-term need, recommending
 * `therapyForms`, and, unless it is to stay a DRAFT, sets one GAS goal and activates it.
 */
export async function rehabPlanThrough(
  app: TestApp,
  plan: { patientId: string; ownerToken: string; therapyForms?: string[]; status?: 'DRAFT' | 'ACTIVE' },
): Promise<string> {
  const step = async (field: string, input: string, variables: Record<string, unknown>) => {
    const res = await app.gql(`mutation($input: ${input}!) { ${field}(input: $input) { plan { id version } } }`, { input: variables }, plan.ownerToken);
    if (res.errors) throw new Error(`${field}: ${res.errors.map((e) => e.message).join('; ')}`);
    return res.data[field].plan as { id: string; version: number };
  };
  let made = await step('rehabPlanCreate', 'RehabPlanCreateInput', { patientId: plan.patientId, need: 'LONG_TERM', therapyForms: plan.therapyForms ?? ['PHYSIOTHERAPY'] });
  if (plan.status === 'DRAFT') return made.id;
  made = await step('rehabPlanGoalSet', 'RehabPlanGoalSetInput', { id: made.id, version: made.version, goals: [{ title: 'Gå till affären själv', levels, baseline: -1 }] });
  made = await step('rehabPlanActivate', 'RehabPlanStatusInput', { id: made.id, version: made.version });
  return made.id;
}
