// One error type for everything a user can get wrong or has to fix on their machine.
// The CLI prints these without a stack trace and exits non-zero.

export interface ProblemDetails {
  /** What went wrong, in one sentence. */
  what: string;
  /** Where: a file and item, a port, a server address. */
  where?: string;
  /** What was expected instead. */
  expected?: string;
  /** What the user can do about it. */
  suggestion?: string;
  /** Extra lines shown under the message, e.g. the tail of a log. */
  details?: string;
}

export class HeistgraphError extends Error {
  readonly problem: ProblemDetails;

  constructor(problem: ProblemDetails, options?: { cause?: unknown }) {
    super(formatProblem(problem), options);
    this.name = "HeistgraphError";
    this.problem = problem;
  }
}

export function formatProblem(p: ProblemDetails): string {
  const lines = [p.what];
  if (p.where) lines.push(`  where:    ${p.where}`);
  if (p.expected) lines.push(`  expected: ${p.expected}`);
  if (p.suggestion) lines.push(`  try:      ${p.suggestion}`);
  if (p.details) lines.push("", p.details);
  return lines.join("\n");
}
