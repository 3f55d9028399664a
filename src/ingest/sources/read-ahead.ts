/**
 * Pulls up to `depth` items from an async generator ahead of its consumer, so file reads and fetches overlap with
 * the CPU work of cleaning and storing. Order is preserved; errors surface when their item is reached.
 */
export async function* readAhead<T>(source: AsyncIterable<T>, depth: number): AsyncGenerator<T> {
  const it = source[Symbol.asyncIterator]();
  const queue: Array<Promise<IteratorResult<T>>> = [];
  let done = false;
  const fill = () => {
    while (!done && queue.length < depth) {
      const next = it.next();
      queue.push(next);
      next.then(
        (r) => {
          if (r.done) done = true;
        },
        () => {
          done = true;
        },
      );
      // Async generators queue next() calls, so several may be outstanding at once.
      if (queue.length >= depth) break;
    }
  };
  try {
    while (true) {
      fill();
      const head = queue.shift();
      if (!head) return;
      const r = await head;
      if (r.done) return;
      yield r.value;
    }
  } finally {
    await it.return?.();
  }
}
