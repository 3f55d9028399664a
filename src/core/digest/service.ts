import type { ChannelRef } from "../channel.js";
import type { Reply } from "../reply.js";

/**
 * What the digest commands ask of the running scheduler (src/schedule), injected through CoreDeps. Without one,
 * /digest still stores its settings, and /digest now answers with a digest that is neither archived nor recorded.
 */
export interface DigestService {
  /**
   * The channel's digest of the news since its previous one, built now, archived and recorded as the channel's
   * latest digest. The caller shows it (it is the answer to /digest now), so it is not posted separately.
   */
  runNow(channel: ChannelRef): Promise<Reply>;
}
