/** The part of a Relay connection the iterator reads. */
export interface ConnectionPage<N> {
  edges: readonly { node: N }[];
  pageInfo: { hasNextPage: boolean; endCursor?: string | null };
}

/**
 * Every node of a connection, page after page, fetched as the loop asks for them:
 * `for await (const o of pages((after) => client.Organisations({ first: 100, after }).then((r) => r.organisations)))`.
 */
export async function* pages<N>(fetchPage: (after: string | null) => Promise<ConnectionPage<N>>): AsyncGenerator<N, void, undefined> {
  let after: string | null = null;
  for (;;) {
    const page: ConnectionPage<N> = await fetchPage(after);
    for (const edge of page.edges) yield edge.node;
    if (!page.pageInfo.hasNextPage || !page.pageInfo.endCursor) return;
    after = page.pageInfo.endCursor;
  }
}
