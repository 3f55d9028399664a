/** The distinct values of a list as the one JSON array that a statement reads with json_each. */
export function jsonSet(values: readonly string[] | readonly number[]): string {
  return JSON.stringify([...new Set<string | number>(values)]);
}
