// The worker thread of page-work.ts: runs each task it is sent and answers with the result.
import { parentPort } from "node:worker_threads";
import { runPageTask, type FromPageWorker, type ToPageWorker } from "./page-tasks.ts";

parentPort?.on("message", ({ id, task }: ToPageWorker) => {
  let reply: FromPageWorker;
  try {
    reply = { id, result: runPageTask(task) };
  } catch (error) {
    reply = { id, error: error instanceof Error ? error.message : String(error) };
  }
  parentPort?.postMessage(reply);
});
