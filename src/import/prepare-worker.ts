// A worker thread of prepare-in-workers.ts: loads the film files it is sent, keeps their
// films, and once it has the dataset's context, checks and plans each film it kept.
import { parentPort } from "node:worker_threads";
import { loadFilmFile, type LoadedFilm } from "../dataset/load.ts";
import type { DatasetProblem } from "../dataset/problems.ts";
import { checkOneFilm, type DatasetContext } from "../dataset/validate.ts";
import { encodePlan, hashOfEncodedPlan, planFilm } from "./plan.ts";
import { encodeLoadedFilmFile, type FromWorker, type ToWorker } from "./worker-messages.ts";

const films = new Map<number, LoadedFilm>();
let context: DatasetContext | undefined;

const answer = (message: FromWorker) => parentPort?.postMessage(message);

parentPort?.on("message", (message: ToWorker) => {
  if (message.kind === "load") {
    const loaded = loadFilmFile(message.path);
    if (loaded.film) films.set(message.file, loaded.film);
    answer({ kind: "loaded", file: message.file, json: encodeLoadedFilmFile(loaded) });
  } else if (message.kind === "context") {
    context = message.context;
  } else {
    const film = films.get(message.file);
    if (!film || !context) throw new Error(`internal: no film or context for file ${message.file}`);
    films.delete(message.file);
    const problems: DatasetProblem[] = [];
    checkOneFilm(film, context, problems);
    if (problems.length > 0 || !message.plan) {
      answer({ kind: "checked", file: message.file, problems });
      return;
    }
    const plan = encodePlan(planFilm(film.data, context.sources, context.index));
    answer({ kind: "checked", file: message.file, problems, plan, hash: hashOfEncodedPlan(plan) });
  }
});
