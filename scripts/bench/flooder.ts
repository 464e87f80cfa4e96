// The flooding client of the flood benchmark, run as its own process so its work does not
// slow the bystander's measurements: `connections` loops post the heavy query for `seconds`
// from one local address, then wait for their last requests and print a JSON tally.
//   tsx scripts/bench/flooder.ts <graphqlUrl> <connections> <seconds> <pauseAfter429Ms> <query>
import { setTimeout as sleep } from "node:timers/promises";
import { postGraphql } from "./post-graphql.ts";

export interface FloodTally {
  /** Answered with data. */
  answered: number;
  /** Stopped by the API's query timeout. */
  timedOut: number;
  /** Refused with 429 by the per-client limit. */
  refused: number;
  /** Any other error (HTTP or GraphQL). */
  failed: number;
}

const [url, connections, seconds, pause, query] = process.argv.slice(2);
if (!url || !connections || !seconds || !pause || !query) {
  throw new Error(
    "usage: flooder.ts <graphqlUrl> <connections> <seconds> <pauseAfter429Ms> <query>",
  );
}
const tally: FloodTally = { answered: 0, timedOut: 0, refused: 0, failed: 0 };
const deadline = performance.now() + Number(seconds) * 1000;
const loop = async () => {
  while (performance.now() < deadline) {
    try {
      const reply = await postGraphql(url, query, { localAddress: "127.0.0.1" });
      const code = reply.body.errors?.[0]?.extensions?.code;
      if (reply.status === 429) {
        tally.refused++;
        await sleep(Number(pause));
      } else if (code === "QUERY_TIMEOUT") tally.timedOut++;
      else if (reply.body.errors) tally.failed++;
      else tally.answered++;
    } catch {
      tally.failed++;
    }
  }
};
await Promise.all(Array.from({ length: Number(connections) }, loop));
process.stdout.write(`${JSON.stringify(tally)}\n`);
