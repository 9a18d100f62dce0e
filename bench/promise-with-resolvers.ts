/**
 * Promise.withResolvers (ES2024) for Node 20, which PostGraphile 5's executor (grafast) calls:
 * preloaded with `node --require` into the PostGraphile process of `npm run bench` only.
 */
const withResolvers = function <T>() {
  let resolve!: (value: T | PromiseLike<T>) => void;
  let reject!: (reason?: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
};

const promiseConstructor = Promise as unknown as { withResolvers?: typeof withResolvers };
promiseConstructor.withResolvers ??= withResolvers;
