// What Neo4j Browser does when it connects to the local Neo4j (browser.post_connect_cmd), and
// which hosts it may fetch guides and styles from (browser.remote_content_hostname_whitelist:
// Neo4j 5.26 still spells it so; `..._allowlist` is an unknown setting and fails strict
// validation).
//
// Browser reads both settings from the server on connect and runs each `;`-separated command
// of post_connect_cmd with a `:` put in front (so the commands are written without it; a `;`
// inside quotes does not split). The style goes inline, as JSON, so it needs nothing but the
// local Neo4j. The guide needs a web server (`heistgraph serve` has it at /browser/guide.html,
// src/web/browser-routes.ts), so it is opened by hand with `:play <url>`.
import { heistgraphGrass } from "./grass.ts";

/** Guides and styles from this machine only: localhost and 127.0.0.1, where heistgraph serves. */
export const BROWSER_REMOTE_CONTENT_ALLOWLIST = "localhost,127.0.0.1";

/**
 * The Content-Security-Policy Neo4j sends with Browser's pages
 * (dbms.security.http_static_content_security_policy_header), so that Browser asks nothing of
 * other hosts. Neo4j's default allows Google's fonts (an @import in Browser's own CSS, before
 * login) and Segment's and Canny's scripts (loaded after connect): on Community edition Browser
 * loads these whatever client.allow_telemetry says, and browser.allow_outgoing_connections is
 * an Enterprise setting (Community's strict validation refuses it), so the page's policy is
 * what stops them. Browser then uses system fonts. Bolt (ws:) and guides or styles
 * from heistgraph's server (http:) stay allowed on this machine only.
 */
export const BROWSER_CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "img-src 'self' data:",
  "style-src 'self' 'unsafe-inline'",
  "font-src 'self' data:",
  "base-uri 'none'",
  "object-src 'none'",
  "frame-ancestors 'none'",
  "connect-src 'self' ws://127.0.0.1:* ws://localhost:* http://127.0.0.1:* http://localhost:*",
].join("; ");

/** `style {...}`: cypher/browser/heistgraph.grass as the JSON Browser's :style accepts. */
export function browserStyleCommand(): string {
  const json = JSON.stringify(heistgraphGrass().style);
  if (json.includes("\n") || json.includes("\\")) {
    // neo4j.conf holds one setting per line and treats backslashes specially.
    throw new Error("heistgraph.grass must not hold newlines or backslashes in its values");
  }
  return `style ${json}`;
}

/**
 * The post-connect command heistgraph writes into the local Neo4j's neo4j.conf: the style,
 * and with `guideUrl` also `play <guideUrl>` (only for a caller that knows a server will
 * answer there whenever Browser connects: a guide that cannot be fetched shows as an error).
 */
export function browserPostConnectCommand(options: { guideUrl?: string } = {}): string {
  const commands = [browserStyleCommand()];
  if (options.guideUrl) commands.push(`play ${options.guideUrl}`);
  return commands.join(";");
}

/**
 * The neo4j.conf settings heistgraph gives the Neo4j it runs (issue 6): its style on connect,
 * guides from 127.0.0.1 too, and no telemetry. The database layer writes them without knowing
 * what they are; whoever starts the local Neo4j passes this in.
 */
export function browserNeo4jSettings(): Record<string, string> {
  return {
    "browser.post_connect_cmd": browserPostConnectCommand(),
    "browser.remote_content_hostname_whitelist": BROWSER_REMOTE_CONTENT_ALLOWLIST,
    "client.allow_telemetry": "false",
    // Browser's pages may load nothing from elsewhere: no fonts, analytics or crash reports.
    "dbms.security.http_static_content_security_policy_header": BROWSER_CONTENT_SECURITY_POLICY,
  };
}
