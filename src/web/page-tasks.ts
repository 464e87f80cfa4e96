// The page's CPU-heavy work, as tasks a worker thread runs (page-worker.ts): laying out a
// network (seconds for a film of a few hundred characters) and drawing a storyline. Plain data
// in and out, so they cross to the worker by structured clone.
import type { Network } from "../network/index.ts";
import { filmLayout, type Point } from "../viz/layout.ts";
import { renderStoryline, type StorylineInput } from "../viz/storyline.ts";

export type PageTask =
  | { kind: "layout"; network: Network }
  | { kind: "storyline"; input: StorylineInput; width: number };

export type PageTaskResult<T extends PageTask> = T extends { kind: "layout" }
  ? Record<string, Point>
  : string;

export function runPageTask(task: PageTask): Record<string, Point> | string {
  switch (task.kind) {
    case "layout":
      return Object.fromEntries(filmLayout(task.network));
    case "storyline":
      return renderStoryline(task.input, { width: task.width }).svg;
  }
}

export type ToPageWorker = { id: number; task: PageTask };
export type FromPageWorker = { id: number; result: unknown } | { id: number; error: string };
