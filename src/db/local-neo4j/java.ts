// Finds a Java that Neo4j 5.26 runs on: JAVA_HOME first, then `java` on the PATH,
// then the JDKs Debian and Temurin install under /usr/lib/jvm.
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { HeistgraphError } from "../../errors.ts";
import { SUPPORTED_JAVA } from "./versions.ts";

export interface JavaRuntime {
  executable: string;
  major: number;
}

function javaMajor(executable: string): number | undefined {
  // `java -version` prints to stderr.
  const result = spawnSync(executable, ["-version"], { encoding: "utf8" });
  if (result.error) return undefined;
  return parseJavaMajor(`${result.stderr}${result.stdout}`);
}

/** "17.0.15", "21", "1.8.0_392" -> 17, 21, 8 */
export function parseJavaMajor(versionOutput: string): number | undefined {
  const match = /version "(\d+)(?:\.(\d+))?/.exec(versionOutput);
  if (!match?.[1]) return undefined;
  const first = Number(match[1]);
  return first === 1 && match[2] ? Number(match[2]) : first;
}

function candidates(env: NodeJS.ProcessEnv): string[] {
  const list: string[] = [];
  if (env.JAVA_HOME) list.push(join(env.JAVA_HOME, "bin", "java"));
  list.push("java");
  const jvmRoot = "/usr/lib/jvm";
  if (existsSync(jvmRoot)) {
    for (const dir of readdirSync(jvmRoot).sort()) {
      const exe = join(jvmRoot, dir, "bin", "java");
      if (existsSync(exe)) list.push(exe);
    }
  }
  return list;
}

export function findJava(env: NodeJS.ProcessEnv = process.env): JavaRuntime {
  const seen: string[] = [];
  for (const executable of candidates(env)) {
    const major = javaMajor(executable);
    if (major === undefined) continue;
    seen.push(`${executable} (Java ${major})`);
    if ((SUPPORTED_JAVA as readonly number[]).includes(major)) return { executable, major };
  }
  const wanted = SUPPORTED_JAVA.join(" or ");
  if (seen.length === 0) {
    throw new HeistgraphError({
      what: "No Java found: the local Neo4j needs a Java runtime.",
      where: "JAVA_HOME, the PATH and /usr/lib/jvm",
      expected: `Java ${wanted}`,
      suggestion: `install Java ${SUPPORTED_JAVA[0]} (Debian: apt-get install openjdk-17-jre-headless) or set NEO4J_URI to a Neo4j server you already have`,
    });
  }
  throw new HeistgraphError({
    what: `No suitable Java found: Neo4j 5.26 runs on Java ${wanted} only.`,
    where: seen.join(", "),
    expected: `Java ${wanted}`,
    suggestion: `install Java ${SUPPORTED_JAVA[0]} and point JAVA_HOME at it, or set NEO4J_URI to a Neo4j server you already have`,
  });
}
