import { GraphQLField, GraphQLObjectType, GraphQLSchema, getNamedType, isListType, isNonNullType, isObjectType } from 'graphql';
import { buildBareSchema } from '../../server/schema';

/** A record: an object type with its own `id`. */
const isRecord = (type: unknown): type is GraphQLObjectType => isObjectType(type) && 'id' in type.getFields();

/**
 * Wrappers whose object fields are what the operation itself returns, not references: connections,
 * edges and mutation payloads keep their non-null fields.
 */
const isWrapper = (type: GraphQLObjectType) => /(Connection|Edge|Payload)$/.test(type.name);

/**
 * A field that points at another record is nullable (the style guides the API follows): a record
 * that vanished or that the viewer may no longer see nulls that field alone, never its parent, the
 * list the parent is in, or the whole response.
 */
describe('schema shape: references to other records', () => {
  let schema: GraphQLSchema;
  beforeAll(async () => {
    schema = await buildBareSchema();
  });

  it('makes every field that points at one record nullable, outside connections and payloads', () => {
    const nonNull: string[] = [];
    for (const type of Object.values(schema.getTypeMap())) {
      if (!isObjectType(type) || type.name.startsWith('__') || type === schema.getQueryType() || type === schema.getMutationType() || isWrapper(type)) continue;
      for (const field of Object.values(type.getFields()) as GraphQLField<unknown, unknown>[]) {
        if (isNonNullType(field.type) && !isListType(field.type.ofType) && isRecord(getNamedType(field.type))) nonNull.push(`${type.name}.${field.name}`);
      }
    }
    expect(nonNull).toEqual([]);
  });
});
