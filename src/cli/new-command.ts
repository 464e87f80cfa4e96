// `heistgraph new "Film title"`: start a story of one's own.
import { relative, resolve } from "node:path";
import type { Command } from "commander";
import { writeNewStory } from "../dataset/new-story.ts";
import { action } from "./run-action.ts";

const say = (line: string) => process.stdout.write(`${line}\n`);

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
          `Wrote ${show(story.filmFile)} (the story) and ${show(story.textFile)} (its source text).`,
        );
        say("Next:");
        say(`  1. put the story's summary in ${show(story.textFile)}, one paragraph per line`);
        say(
          `  2. fill in ${show(story.filmFile)}: characters, events, acts, each citing its paragraphs`,
        );
        say(`  3. npx heistgraph import ${show(story.filmFile)} --dry-run`);
      }),
    );
}
