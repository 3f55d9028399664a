import type { Command } from "commander";
import { commandDefinitions } from "../adapters/discord/command-definitions.js";
import { loadDiscordConfig } from "../adapters/discord/config.js";
import { registerCommands, restFor } from "../adapters/discord/register.js";
import { NewsdeskError } from "../errors.js";
import type { CliIo } from "./context.js";

/** `newsdesk discord register`: (re)registers the slash commands, as `serve` does when it starts. */
export function registerDiscord(program: Command, io: CliIo): void {
  const discord = program.command("discord").description("Discord adapter tools (see docs/discord-setup.md)");
  discord
    .command("register")
    .description(
      "register newsdesk's slash commands with Discord: in DISCORD_GUILD_ID when set, else globally",
    )
    .option("--dry-run", "print the command definitions as JSON instead of registering them")
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr })
    .action(async (opts: { dryRun?: boolean }) => {
      if (opts.dryRun) {
        io.stdout(`${JSON.stringify(commandDefinitions(), null, 2)}\n`);
        return;
      }
      const config = loadDiscordConfig(io.env);
      if (!config) {
        throw new NewsdeskError(
          "CONFIG_INVALID",
          "Set DISCORD_TOKEN and DISCORD_APPLICATION_ID to register the Discord commands (see docs/discord-setup.md).",
        );
      }
      const { count, scope } = await registerCommands(restFor(config), config);
      io.stdout(
        scope === "guild"
          ? `Registered ${count} commands in server ${config.guildId}: they can be used there now.\n`
          : `Registered ${count} global commands: they can take a while to appear in every server.\n`,
      );
    });
}
