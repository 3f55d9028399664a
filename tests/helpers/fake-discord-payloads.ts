/** INTERACTION_CREATE payloads as Discord sends them, for the fake gateway (see fake-discord.ts). */
import { FAKE_APP_ID } from "./fake-discord-rest.js";

export const GUILD_ID = "1300000000000000001";
export const CHANNEL_ID = "1300000000000000002";
export const USER_ID = "1300000000000000003";
/** View Channel, Send Messages, Read Message History: an ordinary member. */
export const MEMBER_PERMISSIONS = String((1n << 10n) | (1n << 11n) | (1n << 16n));
/** An ordinary member who may also Manage Channels. */
export const MANAGER_PERMISSIONS = String(BigInt(MEMBER_PERMISSIONS) | (1n << 4n));

export interface InteractionInput {
  /** The slash command's name. */
  name: string;
  /** Options as Discord sends them: [{ name, type, value, focused? , options? }]. */
  options?: unknown[];
  /** 2: the command was run; 4: an autocomplete request. */
  type?: 2 | 4;
  /** null: in a DM with the bot. */
  guildId?: string | null;
  /** The member's permissions in the channel (a decimal bit string). */
  permissions?: string;
}

let counter = 0;

/** A realistic INTERACTION_CREATE `d`, with a fresh id and token. */
export function interactionPayload(input: InteractionInput): { id: string; token: string; d: unknown } {
  counter++;
  const id = String(1400000000000000000n + BigInt(counter));
  const token = `interaction-token-${counter}`;
  const user = {
    id: USER_ID,
    username: "reader",
    discriminator: "0",
    global_name: "Reader",
    avatar: null,
    public_flags: 0,
  };
  const guildId = input.guildId === undefined ? GUILD_ID : input.guildId;
  const where = guildId
    ? {
        guild_id: guildId,
        channel: {
          id: CHANNEL_ID,
          type: 0,
          guild_id: guildId,
          name: "news",
          position: 0,
          flags: 0,
          nsfw: false,
        },
        member: {
          user,
          roles: [],
          joined_at: "2026-01-01T00:00:00.000Z",
          deaf: false,
          mute: false,
          flags: 0,
          pending: false,
          nick: null,
          avatar: null,
          permissions: input.permissions ?? MEMBER_PERMISSIONS,
        },
        guild_locale: "en-US",
        authorizing_integration_owners: { "0": guildId },
        context: 0,
      }
    : {
        channel: { id: CHANNEL_ID, type: 1, recipients: [user], last_message_id: null, flags: 0 },
        user,
        authorizing_integration_owners: { "0": "0" },
        context: 1,
      };
  return {
    id,
    token,
    d: {
      id,
      application_id: FAKE_APP_ID,
      type: input.type ?? 2,
      data: {
        id: "1500000000000000001",
        name: input.name,
        type: 1,
        options: input.options ?? [],
        ...(guildId ? { guild_id: guildId } : {}),
      },
      channel_id: CHANNEL_ID,
      token,
      version: 1,
      app_permissions: "562949953421311",
      locale: "en-US",
      entitlements: [],
      attachment_size_limit: 10485760,
      ...where,
    },
  };
}
