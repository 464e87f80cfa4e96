/**
 * Runs the tasks, at most `limit` at a time, in order of start; rejects on the first failure,
 * once every running task has ended (so nothing is still writing when it rejects). A task is
 * taken from the iterable only when a place is free, so a lazy one (films planned on demand)
 * does its work while the others run.
 */
export async function inParallel(
  tasks: Iterable<() => Promise<void>>,
  limit: number,
): Promise<void> {
  const pending = tasks[Symbol.iterator]();
  let failed = false;
  const worker = async () => {
    while (!failed) {
      const next = pending.next();
      if (next.done) return;
      try {
        await next.value();
      } catch (error) {
        failed = true;
        throw error;
      }
    }
  };
  const settled = await Promise.allSettled(Array.from({ length: limit }, worker));
  const failure = settled.find((s): s is PromiseRejectedResult => s.status === "rejected");
  if (failure) throw failure.reason;
}
