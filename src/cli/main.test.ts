import { Command } from "commander";
import { describe, expect, it } from "vitest";
import { buildProgram, COMMAND_MODULES } from "./main.ts";

const names = (program: Command) => program.commands.map((c) => c.name());

describe("the command modules", () => {
  it.each(COMMAND_MODULES.map((m) => [m.names.join(", "), m] as const))(
    "%s: the module registers exactly the commands listed for it",
    async (_names, module) => {
      const program = new Command();
      (await module.load())(program);
      const { GENERIC_COMMANDS } = await import("./commands/questions.ts");
      expect(names(program)).toEqual(module.registry ? GENERIC_COMMANDS : module.names);
    },
  );

  it("loads only the module of the command a command line names", async () => {
    const program = await buildProgram(["node", "heistgraph", "kills-by", "mccauley"]);
    expect(names(program)).toEqual(["death-by-whom", "kills-by", "deaths"]);
  });

  it("loads every command for help or a name no module lists, in the listed order", async () => {
    const { GENERIC_COMMANDS } = await import("./commands/questions.ts");
    const all = COMMAND_MODULES.flatMap((m) => (m.registry ? GENERIC_COMMANDS : m.names));
    expect(names(await buildProgram(["node", "heistgraph", "--help"]))).toEqual(all);
    expect(names(await buildProgram(["node", "heistgraph", "deth-by-whom"]))).toEqual(all);
    expect(names(await buildProgram(["node", "heistgraph"]))).toEqual(all);
  });
});

describe("the registry's commands", () => {
  it("loads only the registry's module for a question without a hand-written command", async () => {
    const { GENERIC_COMMANDS } = await import("./commands/questions.ts");
    expect(GENERIC_COMMANDS).toContain("body-count");
    const program = await buildProgram(["node", "heistgraph", "body-count", "heat"]);
    expect(names(program)).toEqual(GENERIC_COMMANDS);
  });
});
