import { ApolloServerPlugin } from '@apollo/server';
import { DocumentNode, GraphQLError, Kind, ValueNode, visit } from 'graphql';
import { isStorableText } from '../domain/text';
import type { Context } from './context';
import { ErrorCode } from '../schema/common/errors';

const refuse = (field: string) =>
  new GraphQLError(`${field} contains a NUL character or an unpaired UTF-16 surrogate, which text here cannot hold`, {
    extensions: { code: ErrorCode.BAD_USER_INPUT, field, http: { status: 400 } },
  });

/** The path of the first unstorable string in a JSON value (a variable's value), or null. */
function findInJson(value: unknown, path: string): string | null {
  if (typeof value === 'string') return isStorableText(value) ? null : path;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = findInJson(value[i], `${path}[${i}]`);
      if (found) return found;
    }
  } else if (value && typeof value === 'object') {
    for (const [key, inner] of Object.entries(value)) {
      const found = findInJson(inner, `${path}.${key}`);
      if (found) return found;
    }
  }
  return null;
}

/** The same for a literal in the query text; variables inside it are checked by the caller. */
function findInLiteral(node: ValueNode, path: string): string | null {
  switch (node.kind) {
    case Kind.STRING:
      return isStorableText(node.value) ? null : path;
    case Kind.LIST:
      for (let i = 0; i < node.values.length; i++) {
        const found = findInLiteral(node.values[i], `${path}[${i}]`);
        if (found) return found;
      }
      return null;
    case Kind.OBJECT:
      for (const field of node.fields) {
        const found = findInLiteral(field.value, `${path}.${field.name.value}`);
        if (found) return found;
      }
      return null;
    default:
      return null;
  }
}

/**
 * What the literals of a parsed document hold, found once per document: Apollo hands out the same
 * parsed document for the same query text, and only the variables change between requests.
 */
const literalsOf = new WeakMap<DocumentNode, string | null>();

/** The first argument (literal, with its path) or variable holding unstorable text, or null. */
export function findUnstorableText(document: DocumentNode, variables: Record<string, unknown>): string | null {
  let found = literalsOf.get(document);
  if (found === undefined) literalsOf.set(document, (found = findInLiterals(document)));
  if (found) return found;
  const inVariables = findInJson(variables, '');
  return inVariables && `$${inVariables.slice(1)}`;
}

/** The first argument or variable default (literal, with its path) holding unstorable text, or null. */
function findInLiterals(document: DocumentNode): string | null {
  let found: string | null = null;
  visit(document, {
    Argument(node) {
      found ??= findInLiteral(node.value, node.name.value);
    },
    VariableDefinition(node) {
      if (node.defaultValue) found ??= findInLiteral(node.defaultValue, `$${node.variable.name.value}`);
    },
  });
  return found;
}

/**
 * Refuses, before any resolver runs, text that could not be stored (a NUL byte or a lone
 * surrogate), with BAD_USER_INPUT naming the argument or variable, instead of failing inside SQL.
 */
export const inputHygienePlugin: ApolloServerPlugin<Context> = {
  async requestDidStart() {
    return {
      async didResolveOperation({ document, request }) {
        const field = findUnstorableText(document, request.variables ?? {});
        if (field) throw refuse(field);
      },
    };
  },
};
