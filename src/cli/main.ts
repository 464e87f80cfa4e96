// The `heistgraph` command line.
import { Command } from "commander";
import { registerBetrayalCommands } from "./commands/betrayals.ts";
import { registerDeathCommands } from "./commands/deaths.ts";
import { registerLoyaltyCommands } from "./commands/loyalties.ts";
import { registerServeCommands } from "./commands/serve.ts";
import { registerStoryCommands } from "./commands/story.ts";
import { registerVizCommand } from "./commands/viz.ts";
import { registerDbCommands } from "./db-commands.ts";
import { registerImportCommand } from "./import-command.ts";
import { registerNewCommand } from "./new-command.ts";

export function buildProgram(): Command {
  const program = new Command("heistgraph")
    .description("Crime-film plots as a Neo4j graph you can question and look at")
    .showHelpAfterError();
  registerDbCommands(program);
  registerImportCommand(program);
  registerNewCommand(program);
  registerDeathCommands(program);
  registerBetrayalCommands(program);
  registerLoyaltyCommands(program);
  registerStoryCommands(program);
  registerServeCommands(program);
  registerVizCommand(program);
  return program;
}

export async function main(argv: string[]): Promise<number> {
  await buildProgram().parseAsync(argv);
  return typeof process.exitCode === "number" ? process.exitCode : 0;
}
