// The flooding client of the flood benchmark, run as its own process so its work does not
// slow the bystander's measurements: `connections` loops send the heavy request for `seconds`
// from one local address, then wait for their last requests (at most `grace` seconds more:
// a server that lays out a network on its event loop may take minutes to answer them all),
// and print a JSON tally. The request is a GraphQL query, or `GET <url>` for a page route.
//   tsx scripts/bench/flooder.ts <graphqlUrl> <connections> <seconds> <pauseAfter429Ms> <query | "GET " url>
import { request } from "node:http";
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
  /** Still unanswered when the flooder gave up waiting. */
  unanswered: number;
}

/** How long the flooder waits for its last requests after its time is up (s). */
const GRACE_SECONDS = 20;

const [url, connections, seconds, pause, query] = process.argv.slice(2);
if (!url || !connections || !seconds || !pause || !query) {
  throw new Error(
    'usage: flooder.ts <graphqlUrl> <connections> <seconds> <pauseAfter429Ms> <query | "GET " url>',
  );
}

/** A GET of a page route: its status and error code, if any. */
function getRoute(target: string): Promise<{ status: number; code?: string }> {
  return new Promise((resolve, reject) => {
    const req = request(target, { localAddress: "127.0.0.1", agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (chunk: Buffer) => chunks.push(chunk));
      res.on("error", reject);
      res.on("end", () => {
        let code: string | undefined;
        try {
          code = (JSON.parse(Buffer.concat(chunks).toString("utf8")) as { code?: string }).code;
        } catch {
          // an SVG
        }
        resolve({ status: res.statusCode ?? 0, code });
      });
    });
    req.on("error", reject);
    req.end();
  });
}

async function send(): Promise<{ status: number; code?: string; error: boolean }> {
  if (query?.startsWith("GET ")) {
    const reply = await getRoute(query.slice(4));
    return { ...reply, error: reply.status >= 400 };
  }
  const reply = await postGraphql(url as string, query as string, { localAddress: "127.0.0.1" });
  const code = reply.body.errors?.[0]?.extensions?.code;
  return {
    status: reply.status,
    code: typeof code === "string" ? code : undefined,
    error: Boolean(reply.body.errors),
  };
}

const tally: FloodTally = { answered: 0, timedOut: 0, refused: 0, failed: 0, unanswered: 0 };
const deadline = performance.now() + Number(seconds) * 1000;
let inFlight = 0;
const loop = async () => {
  while (performance.now() < deadline) {
    inFlight++;
    try {
      const reply = await send();
      if (reply.status === 429) {
        tally.refused++;
        await sleep(Number(pause));
      } else if (reply.code === "QUERY_TIMEOUT") tally.timedOut++;
      else if (reply.error) tally.failed++;
      else tally.answered++;
    } catch {
      tally.failed++;
    } finally {
      inFlight--;
    }
  }
};
const loops = Promise.all(Array.from({ length: Number(connections) }, loop));
await Promise.race([loops, sleep(Number(seconds) * 1000 + GRACE_SECONDS * 1000)]);
tally.unanswered = inFlight;
process.stdout.write(`${JSON.stringify(tally)}\n`);
process.exit(0);
