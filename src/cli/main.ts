// The `heistgraph` command line.
import { Command } from "commander";
import { fitText, printJsonError } from "./say.ts";

type Register = (program: Command) => void;

/**
 * Every module of commands, with the names it registers. A command line loads only the module
 * of the command it names, since some bring heavy packages (viz: cytoscape and resvg; import:
 * zod and yaml); help, or a name no module lists, loads them all, so a missing name here costs
 * time, never the command (src/cli/main.test.ts checks the names). Listed in help's order.
 */
export const COMMAND_MODULES: {
  names: string[];
  load: () => Promise<Register>;
  /** Its names come from the question registry: known once it is loaded. */
  registry?: true;
}[] = [
  {
    names: ["db"],
    load: async () => (await import("./db-commands.ts")).registerDbCommands,
  },
  {
    names: ["import"],
    load: async () => (await import("./import-command.ts")).registerImportCommand,
  },
  {
    names: ["new"],
    load: async () => (await import("./new-command.ts")).registerNewCommand,
  },
  {
    names: ["schema"],
    load: async () => (await import("./new-command.ts")).registerSchemaCommand,
  },
  {
    names: ["remove"],
    load: async () => (await import("./import-command.ts")).registerRemoveCommand,
  },
  {
    names: ["death-by-whom", "kills-by", "deaths"],
    load: async () => (await import("./commands/deaths.ts")).registerDeathCommands,
  },
  {
    names: ["betrayals"],
    load: async () => (await import("./commands/betrayals.ts")).registerBetrayalCommands,
  },
  {
    names: ["loyalties", "double-agents", "revenge"],
    load: async () => (await import("./commands/loyalties.ts")).registerLoyaltyCommands,
  },
  {
    names: ["timeline", "dossier", "connection", "parallels"],
    load: async () => (await import("./commands/story.ts")).registerStoryCommands,
  },
  {
    // Every question of the registry without a hand-written command: a name no other module
    // lists is looked for here before everything is loaded, so a new question needs no entry.
    names: [],
    registry: true,
    load: async () => (await import("./commands/questions.ts")).registerQuestionCommands,
  },
  {
    names: ["serve", "start"],
    load: async () => (await import("./commands/serve.ts")).registerServeCommands,
  },
  {
    names: ["viz"],
    load: async () => (await import("./commands/viz.ts")).registerVizCommand,
  },
];

/** The program with the commands `argv` needs: the one it names, or all of them. */
export async function buildProgram(argv: string[] = []): Promise<Command> {
  const json = argv.includes("--json");
  const program = new Command("heistgraph")
    .description("Crime-film plots as a Neo4j graph you can question and look at")
    .showHelpAfterError(!json)
    // commander's own errors (a missing argument, an unknown option) fit the terminal too, and
    // are JSON under --json like every other error; the commands registered below inherit this.
    .configureOutput({
      outputError: (text, write) =>
        json
          ? printJsonError({ what: text.replace(/^error: /, "").trim() })
          : write(`${fitText(text.trimEnd())}\n`),
    });
  const named = argv[2];
  let needed = COMMAND_MODULES.filter((m) => named !== undefined && m.names.includes(named));
  if (needed.length === 0 && named !== undefined && !named.startsWith("-")) {
    const { GENERIC_COMMANDS } = await import("./commands/questions.ts");
    if (GENERIC_COMMANDS.includes(named)) needed = COMMAND_MODULES.filter((m) => m.registry);
  }
  const registers = await Promise.all(
    (needed.length > 0 ? needed : COMMAND_MODULES).map((m) => m.load()),
  );
  for (const register of registers) register(program);
  return program;
}

// `heistgraph db start | head -1`: once the reader has gone, output has nowhere to go, but the
// command (starting Neo4j, an import) still finishes instead of dying on EPIPE.
function ignoreClosedStdout(): void {
  process.stdout.on("error", (error: NodeJS.ErrnoException) => {
    if (error.code !== "EPIPE" && error.code !== "ERR_STREAM_DESTROYED") throw error;
  });
}

export async function main(argv: string[]): Promise<number> {
  ignoreClosedStdout();
  await (await buildProgram(argv)).parseAsync(argv);
  return typeof process.exitCode === "number" ? process.exitCode : 0;
}
