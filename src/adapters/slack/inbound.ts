/**
 * Text as Slack sends it (mentions, slash command arguments, direct messages) turned back into what the user
 * typed: `&lt;` → `<`, `<https://x|x>` → `https://x`, `<@U123>` → `@U123`, `<#C1|general>` → `#general`.
 */
export function decodeSlackText(text: string): string {
  return text
    .replace(/<((?:https?|mailto):[^|>\s]*)(?:\|[^>]*)?>/g, "$1")
    .replace(/<#([A-Z0-9]+)(?:\|([^>]*))?>/g, (_m, id: string, name?: string) => `#${name || id}`)
    .replace(/<@([A-Z0-9]+)(?:\|[^>]*)?>/g, "@$1")
    .replace(/<!subteam\^([A-Z0-9]+)(?:\|([^>]*))?>/g, (_m, id: string, name?: string) => name || `@${id}`)
    .replace(
      /<!(\w+)(?:\^[^|>]*)?(?:\|([^>]*))?>/g,
      (_m, word: string, label?: string) => label || `@${word}`,
    )
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&");
}

/** The command in a mention ("<@UBOT> brief tariffs" → "brief tariffs"): the leading mentions of the bot dropped. */
export function mentionText(text: string, botUserId: string | undefined): string {
  const me = botUserId ? botUserId.replace(/[^A-Z0-9]/gi, "") : "[A-Z0-9]+";
  const leading = new RegExp(`^(?:\\s*<@${me}(?:\\|[^>]*)?>)+\\s*`, "i");
  const rest = text.replace(leading, "");
  // A mention later in the text ("tell me, <@UBOT>, brief") is dropped too.
  const inner = botUserId ? rest.replace(new RegExp(`<@${me}(?:\\|[^>]*)?>`, "gi"), " ") : rest;
  return decodeSlackText(inner).replace(/\s+/g, " ").trim();
}
