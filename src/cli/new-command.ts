// `heistgraph new "Film title"`: start a story of one's own.
import { relative, resolve } from "node:path";
import type { Command } from "commander";
import { writeNewStory, writeSchemas } from "../dataset/new-story.ts";
import { action } from "./run-action.ts";
import { say } from "./say.ts";

export function registerNewCommand(program: Command): void {
  program
    .command("new")
    .argument("<title>", 'the story\'s title, e.g. "The Getaway"')
    .description("write a commented skeleton film file and its source text, ready to fill in")
    .option("--dir <dir>", "the folder to write them in", ".")
    .option("--id <id>", "the film id (default: made from the title)")
    .action(
      action(async (title: string, opts: { dir: string; id?: string }) => {
        const story = writeNewStory(title, resolve(opts.dir), opts.id);
        const show = (f: string) => relative(process.cwd(), f) || f;
        say(
          `Wrote ${show(story.filmFile)} (the story), ${show(story.textFile)} (its source text) and ${story.schemaFiles.map(show).join(", ")} (for your editor).`,
        );
        say("Next:");
        say(`  1. put the story's summary in ${show(story.textFile)}, one paragraph per line`);
        say(`  2. fill in ${show(story.filmFile)}: characters, events, acts, citing paragraphs`);
        say(`  3. npx heistgraph import ${show(story.filmFile)} --dry-run --watch`);
      }),
    );
}

export function registerSchemaCommand(program: Command): void {
  program
    .command("schema")
    .argument("[dir]", "the folder of your film files", ".")
    .description(
      "write (or refresh) film.schema.json and sources.schema.json, the JSON Schemas editors check and complete film files with",
    )
    .action(
      action(async (dir: string) => {
        const files = writeSchemas(resolve(dir));
        say(`Wrote ${files.map((f) => relative(process.cwd(), f) || f).join(" and ")}.`);
        say(
          "A film file uses it with its first line:  # yaml-language-server: $schema=./film.schema.json",
        );
      }),
    );
}
