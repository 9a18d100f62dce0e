import DataLoader from 'dataloader';
import { dataLoaderBatchSize } from '../metrics/registry';

/** Every DataLoader of a request, by name: the values of the batch-size metric's `loader` label. */
export type LoaderName =
  | 'reference.region'
  | 'reference.organisation'
  | 'reference.careUnit'
  | 'reference.regionPrincipal'
  | 'reference.kvaCodeVersions'
  | 'reference.parametersOfRegion'
  | 'reference.membersOfAssociation'
  | 'reference.membershipsOfMember'
  | 'reference.careUnitsOfOrganisation'
  | 'patients.byId'
  | 'handoffs.byId'
  | 'handoffs.messagesOf'
  | 'handoffs.partiesOf'
  | 'handoffs.recipientsOf'
  | 'sips.byId'
  | 'coordination.sipsOfPatient'
  | 'coordination.handoffsOfPatient'
  | 'sips.participantsOf'
  | 'sips.interventionsOf'
  | 'sips.meetingsOf'
  | 'sips.followUpsOf'
  | 'rehabPlans.byId'
  | 'rehabPlans.goalsOf'
  | 'rehabPlans.scoresOf'
  | 'rehabPlans.evaluationsOf'
  | 'therapy.byId'
  | 'therapy.ofPlans'
  | 'therapy.visitsOf'
  | 'therapy.reportsOf'
  | 'therapy.reportById'
  | 'responsibility.agreementById'
  | 'responsibility.rulesByAgreement'
  | 'responsibility.partiesByAgreement'
  | 'responsibility.changePages'
  | 'coordination.byId'
  | 'coordination.historyOf'
  | 'coordination.employersOf'
  | 'coordination.consentsOf'
  | 'coordination.activitiesOf'
  | 'coordination.kvaOf'
  | 'coordination.plansOf'
  | 'coordination.stepsOf';

/** A DataLoader whose batches are counted by size under `name` (samrehab_dataloader_batch_size). */
export function namedLoader<K, V, C = K>(name: LoaderName, batch: DataLoader.BatchLoadFn<K, V>, options: DataLoader.Options<K, V, C> = {}): DataLoader<K, V, C> {
  const histogram = dataLoaderBatchSize.labels(name);
  return new DataLoader<K, V, C>(
    (keys) => {
      histogram.observe(keys.length);
      return batch(keys);
    },
    { ...options, name },
  );
}
