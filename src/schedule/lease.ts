import type { CoreDeps } from "../core/deps.js";

export interface LeaseHolder {
  /** Extends the claim to `leaseUntil` (ISO); false when it was lost (it lapsed and another process took it). */
  renew: (leaseUntil: string, now: string) => Promise<boolean>;
  now: () => Date;
  leaseMs: number;
  /** Real milliseconds between renewals; a third of the lease is safe against a late timer. */
  everyMs: number;
  logger: CoreDeps["logger"];
  /** What the claim is for, in log lines. */
  what: Record<string, unknown>;
}

/**
 * Runs `work` (building and posting a digest or an alert) while keeping its claim: the lease is renewed every
 * `everyMs` until the work settles, so a platform that takes longer than the lease (rate limits, a slow model) does
 * not let another process take the claim over and post the same thing again. The timer never keeps the process
 * alive on its own.
 */
export async function holdingClaim<T>(holder: LeaseHolder, work: () => Promise<T>): Promise<T> {
  let lost = false;
  const renew = async () => {
    const now = holder.now();
    try {
      const kept = await holder.renew(
        new Date(now.getTime() + holder.leaseMs).toISOString(),
        now.toISOString(),
      );
      if (!kept && !lost) {
        lost = true;
        holder.logger.warn(holder.what, "claim lost while posting: its lease ran out");
      }
    } catch (err) {
      holder.logger.warn({ ...holder.what, err }, "could not renew a claim");
    }
  };
  const timer = setInterval(() => void renew(), Math.max(1, holder.everyMs));
  timer.unref();
  try {
    return await work();
  } finally {
    clearInterval(timer);
  }
}
