// One GraphQL request over HTTP from a chosen local address, timed. Loopback is a whole /8,
// so 127.0.0.1 and 127.0.0.2 are two clients to the API's per-client limit on one machine.
import { request } from "node:http";

export interface GraphqlReply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: {
    data?: unknown;
    errors?: { message: string; path?: unknown[]; extensions?: Record<string, unknown> }[];
  };
  /** Wall time from sending to the last byte (ms). */
  ms: number;
}

export function postGraphql(
  url: string,
  query: string,
  options: { variables?: Record<string, unknown>; localAddress?: string } = {},
): Promise<GraphqlReply> {
  const payload = JSON.stringify({ query, variables: options.variables ?? {} });
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      {
        method: "POST",
        localAddress: options.localAddress,
        // A fresh connection each time: no keep-alive pool shared between clients.
        agent: false,
        headers: {
          "content-type": "application/json",
          "content-length": Buffer.byteLength(payload),
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (chunk: Buffer) => chunks.push(chunk));
        res.on("error", reject);
        res.on("end", () => {
          const text = Buffer.concat(chunks).toString("utf8");
          try {
            resolve({
              status: res.statusCode ?? 0,
              headers: res.headers,
              body: JSON.parse(text) as GraphqlReply["body"],
              ms: performance.now() - started,
            });
          } catch {
            reject(new Error(`not JSON (HTTP ${res.statusCode}): ${text.slice(0, 200)}`));
          }
        });
      },
    );
    req.on("error", reject);
    req.end(payload);
  });
}
