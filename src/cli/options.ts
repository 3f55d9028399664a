import { NewsdeskError } from "../errors.js";

/** A commander option parser for a whole number from 1 to `max`; anything else is a usage error (exit 2). */
export function wholeNumber(max: number): (value: string) => number {
  return (value) => {
    const n = Number(value);
    if (!Number.isInteger(n) || n <= 0 || n > max) {
      throw new NewsdeskError("USAGE", `expected a whole number from 1 to ${max}, got "${value}"`);
    }
    return n;
  };
}
