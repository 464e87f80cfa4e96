// A worker thread of load-parallel.ts: loads the film files it is sent, one at a time, and
// answers each with the file's load encoded as JSON.
import { parentPort } from "node:worker_threads";
import { loadFilmFile } from "./load.ts";
import { encodeLoadedFilmFile, type LoadRequest, type LoadAnswer } from "./load-parallel.ts";

parentPort?.on("message", ({ index, path }: LoadRequest) => {
  const answer: LoadAnswer = { index, json: encodeLoadedFilmFile(loadFilmFile(path)) };
  parentPort?.postMessage(answer);
});
