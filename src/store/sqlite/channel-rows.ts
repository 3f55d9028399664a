/** Row mappers and the claim rule of the channel store. No SQL here. */
import type { ChannelRef } from "../../core/channel.js";
import type { Platform } from "../../core/deps.js";
import type {
  AlertRecord,
  ClaimResult,
  ClaimState,
  ClaimTerms,
  DigestDays,
  DigestSettings,
  SlotRecord,
  Subscription,
} from "../channels.js";
import type {
  AlertRow,
  ChannelCols,
  ClaimRow,
  DigestRow,
  SlotRow,
  SubscriptionRow,
} from "./channel-statements.js";

type Decision =
  | { kind: "new" }
  | { kind: "again"; attempt: number }
  | { kind: "refuse"; state: ClaimState }
  | { kind: "give-up" };

/** Whether a claim may be taken: new, failed or lapsed (its claimer gone) with attempts left; else why not. */
export function decide(row: ClaimRow | undefined, terms: ClaimTerms): Decision {
  if (row === undefined) return { kind: "new" };
  const lapsed = row.state === "claimed" && (row.lease_until ?? "") < terms.now;
  if (row.state !== "failed" && !lapsed) return { kind: "refuse", state: row.state as ClaimState };
  if (row.attempts >= terms.maxAttempts) return { kind: "give-up" };
  return { kind: "again", attempt: row.attempts + 1 };
}

export function leaseUntil(terms: ClaimTerms): string {
  return new Date(Date.parse(terms.now) + terms.leaseMs).toISOString();
}

export function channelOf(row: ChannelCols): ChannelRef {
  return { platform: row.platform as Platform, workspaceId: row.workspace_id, channelId: row.channel_id };
}

export function toSubscription(row: SubscriptionRow): Subscription {
  return { topic: row.topic, createdAt: row.created_at, alertsSince: row.alerts_since };
}

export function toDigest(row: DigestRow): DigestSettings {
  return {
    channel: channelOf(row),
    time: row.time,
    zone: row.zone,
    days: row.days as DigestDays,
    enabled: row.enabled === 1,
    updatedAt: row.updated_at,
    lastSentAt: row.last_sent_at,
  };
}

export function toAlert(row: AlertRow): AlertRecord {
  return {
    channel: channelOf(row),
    storyId: row.story_id,
    topic: row.topic,
    state: row.state as ClaimState,
    attempts: row.attempts,
    messageId: row.message_id,
    articleIds: JSON.parse(row.article_ids) as string[],
  };
}

export function toSlot(r: SlotRow): SlotRecord {
  return {
    key: r.slot_key,
    channelKey: r.channel_key,
    slotAt: r.slot_at,
    state: r.state as ClaimState,
    attempts: r.attempts,
    messageId: r.message_id,
    lastError: r.last_error,
    leaseUntil: r.state === "claimed" ? r.lease_until : null,
  };
}

/** Takes the claim `d` allows, through the table's own `insert` and `again` statements. */
export function applyClaim(
  d: Decision,
  t: ClaimTerms,
  write: {
    insert: () => { changes: number };
    again: (attempt: number, state: ClaimState, owner: string | null, lease: string | null) => unknown;
  },
): ClaimResult {
  if (d.kind === "refuse") return { claimed: false, state: d.state };
  if (d.kind === "give-up") {
    write.again(t.maxAttempts, "abandoned", null, null);
    return { claimed: false, state: "abandoned" };
  }
  if (d.kind === "new") {
    // Inside the IMMEDIATE transaction nobody can insert in between, but ON CONFLICT keeps it safe anyway.
    return write.insert().changes === 1
      ? { claimed: true, attempt: 1 }
      : { claimed: false, state: "claimed" };
  }
  write.again(d.attempt, "claimed", t.owner, leaseUntil(t));
  return { claimed: true, attempt: d.attempt };
}
