import type { webApi } from "@slack/bolt";
import { callWithRetry, type RetryDeps, slackErrorDetail } from "./retry.js";

type WebClient = InstanceType<typeof webApi.WebClient>;

export interface AdminCheckDeps extends RetryDeps {
  client: WebClient;
  now: () => Date;
  /** How long an answer is kept. Default 5 minutes. */
  ttlMs?: number;
}

/** Users remembered at most; the oldest are forgotten first. */
const MAX_ENTRIES = 1000;

/**
 * Who may change a channel's setup (subscriptions, digests, feeds) on Slack: workspace admins and owners, as
 * `users.info` reports them. Answers are cached for a few minutes; a failed lookup counts as "no" and is not cached.
 */
export class AdminCheck {
  private readonly cache = new Map<string, { admin: boolean; expires: number }>();
  private readonly ttlMs: number;

  constructor(private readonly deps: AdminCheckDeps) {
    this.ttlMs = deps.ttlMs ?? 5 * 60_000;
  }

  async canManageChannel(userId: string, teamId?: string): Promise<boolean> {
    const key = `${teamId ?? ""}:${userId}`;
    const now = this.deps.now().getTime();
    const hit = this.cache.get(key);
    if (hit && hit.expires > now) return hit.admin;
    try {
      const res = await callWithRetry(
        "users.info",
        { userId },
        () => this.deps.client.users.info({ user: userId }),
        this.deps,
      );
      const user = res.user;
      const admin = user?.is_admin === true || user?.is_owner === true || user?.is_primary_owner === true;
      this.cache.delete(key);
      this.cache.set(key, { admin, expires: now + this.ttlMs });
      if (this.cache.size > MAX_ENTRIES) this.cache.delete(this.cache.keys().next().value ?? "");
      return admin;
    } catch (err) {
      this.deps.logger.warn(
        { userId, teamId, error: slackErrorDetail(err) },
        "users.info failed: treated as not an admin",
      );
      return false;
    }
  }
}
