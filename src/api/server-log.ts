// Where the server says what went wrong on its side: one line per failure on stderr, with
// its cause (the error's code and the first line of its message), never a stack trace.
export type ServerLog = (line: string) => void;

export const stderrLog: ServerLog = (line) =>
  process.stderr.write(`${new Date().toISOString()} heistgraph serve: ${line}\n`);

/** An error's code (when it has one) and the first line of its message. */
export function causeOf(error: unknown): string {
  if (!(error instanceof Error)) return String(error).split("\n")[0] ?? "";
  const code = (error as { code?: unknown }).code;
  const first = error.message.split("\n")[0]?.trim() ?? "";
  const named = `${error.name}${typeof code === "string" && code !== "" ? ` ${code}` : ""}`;
  return first ? `${named}: ${first}` : named;
}
