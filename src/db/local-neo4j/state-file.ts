// The state file a started local Neo4j leaves in <home>/run/heistgraph.json: what identifies
// THIS instance (its folders, ports, start time and pid), checked before anyone signals it.
import { readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { z } from "zod";
import type { InstanceDirs } from "./paths.ts";

const port = z.number().int().min(1).max(65535);

export const localNeo4jStateSchema = z.object({
  pid: z.number().int().positive(),
  boltPort: port,
  httpPort: port,
  version: z.string(),
  startedAt: z.string(),
  home: z.string(),
  conf: z.string(),
  data: z.string(),
});

/** What a running instance wrote about itself. */
export type LocalNeo4jState = z.infer<typeof localNeo4jStateSchema>;

export type StateFileReading =
  | { kind: "absent" }
  | { kind: "valid"; state: LocalNeo4jState }
  | { kind: "corrupt"; reason: string };

export function readStateFile(dirs: InstanceDirs): StateFileReading {
  let text: string;
  try {
    text = readFileSync(dirs.stateFile, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return { kind: "absent" };
    if ((error as NodeJS.ErrnoException).code === "ENOTDIR") return { kind: "absent" };
    return { kind: "corrupt", reason: (error as Error).message };
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { kind: "corrupt", reason: "it is not JSON" };
  }
  const parsed = localNeo4jStateSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return {
      kind: "corrupt",
      reason: `${issue?.path.join(".") || "it"}: ${issue?.message ?? "unexpected content"}`,
    };
  }
  const state = parsed.data;
  if (state.home !== dirs.home || state.conf !== dirs.conf) {
    return { kind: "corrupt", reason: `it describes the instance in ${state.home}` };
  }
  return { kind: "valid", state };
}

/** Written to a temporary file and renamed, so a reader never sees half a state file. */
export function writeStateFile(dirs: InstanceDirs, state: LocalNeo4jState): void {
  const partial = `${dirs.stateFile}.${process.pid}.partial`;
  writeFileSync(partial, `${JSON.stringify(state, null, 2)}\n`);
  renameSync(partial, dirs.stateFile);
}

export function removeStateFile(dirs: InstanceDirs): void {
  rmSync(dirs.stateFile, { force: true });
}
