const queues = new WeakMap<object, Promise<unknown>>();

/**
 * Runs `task` after every task queued earlier for the same `key` has settled, so tasks on one key never overlap in
 * this process. Used for analysing and grouping new articles: a feed poll and a chat /ingest finishing together
 * would otherwise both pick up the same ungrouped article.
 */
export function serialize<T>(key: object, task: () => Promise<T>): Promise<T> {
  const previous = queues.get(key) ?? Promise.resolve();
  const next = previous.then(task, task);
  queues.set(
    key,
    next.catch(() => {}),
  );
  return next;
}
