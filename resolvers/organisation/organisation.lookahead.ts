import { FieldNode, GraphQLObjectType, GraphQLResolveInfo, Kind, SelectionSetNode } from 'graphql';
import { getArgumentValues } from 'graphql/execution/values';
import { BY_NAME, PageArgs, pageRequest } from '../../schema/common/page';
import type { OrganisationPrefetch } from '../../server/access/reference.loaders';

/** The fields of a selection set by name, through fragments and inline fragments. */
function fieldsOf(set: SelectionSetNode | undefined, info: GraphQLResolveInfo, into = new Map<string, FieldNode[]>()): Map<string, FieldNode[]> {
  for (const selection of set?.selections ?? []) {
    if (selection.kind === Kind.FIELD) into.set(selection.name.value, [...(into.get(selection.name.value) ?? []), selection]);
    else if (selection.kind === Kind.INLINE_FRAGMENT) fieldsOf(selection.selectionSet, info, into);
    else fieldsOf(info.fragments[selection.name.value]?.selectionSet, info, into);
  }
  return into;
}

const below = (nodes: readonly FieldNode[] | undefined, info: GraphQLResolveInfo) => {
  const into = new Map<string, FieldNode[]>();
  for (const node of nodes ?? []) fieldsOf(node.selectionSet, info, into);
  return into;
};

/**
 * What an organisations connection's query reads of each organisation (`edges { node { … } }`),
 * for the store to read it with the page (ReferenceStore.organisations). Directives are not
 * looked at: a field skipped by @skip or @include is read for nothing, never missed. Care units
 * are prefetched for one page request only; other aliases, or arguments that are not a valid page,
 * are left to their field resolver (which reports the error).
 */
export function organisationPrefetch(info: GraphQLResolveInfo): OrganisationPrefetch {
  const node = below(below(below(info.fieldNodes, info).get('edges'), info).get('node'), info);
  const links = (name: string, other: string) => node.has(name) && below(node.get(name), info).has(other);
  const careUnits = node.get('careUnits');
  let units: OrganisationPrefetch['careUnits'] = null;
  if (careUnits?.length === 1) {
    const definition = (info.schema.getType('Organisation') as GraphQLObjectType).getFields().careUnits;
    try {
      units = pageRequest(getArgumentValues(definition, careUnits[0], info.variableValues) as PageArgs, BY_NAME);
    } catch {
      units = null;
    }
  }
  return {
    region: node.has('region'),
    members: node.has('members'),
    memberships: node.has('memberships'),
    linked: links('members', 'member') || links('memberships', 'association'),
    careUnits: units,
  };
}
