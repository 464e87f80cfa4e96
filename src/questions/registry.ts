// Every question, declared once in a folder of its own: the CLI's commands, the TS helpers,
// the GraphQL fields, the Browser guide and the docs loop over this list.
import betrayals from "./betrayal-chains/question.ts";
import bodyCount from "./body-count/question.ts";
import connection from "./connection/question.ts";
import deathByWhom from "./death-by-whom/question.ts";
import deaths from "./death-ledger/question.ts";
import dossier from "./dossier/question.ts";
import doubleAgents from "./double-agents/question.ts";
import filmBetrayals from "./film-betrayal-chains/question.ts";
import groupDossier from "./group-dossier/question.ts";
import killsBy from "./kills-by/question.ts";
import loyalties from "./loyalties/question.ts";
import parallels from "./parallels/question.ts";
import revenge from "./revenge/question.ts";
import timeline from "./timeline/question.ts";

export const QUESTIONS = [
  deathByWhom,
  killsBy,
  deaths,
  bodyCount,
  betrayals,
  filmBetrayals,
  loyalties,
  doubleAgents,
  revenge,
  timeline,
  dossier,
  groupDossier,
  connection,
  parallels,
] as const;

export type AnyQuestion = (typeof QUESTIONS)[number];

/** A question by its name (its CLI command), e.g. question("body-count"). */
export function question(name: string): AnyQuestion {
  const found = QUESTIONS.find((q) => q.name === name);
  if (found === undefined) {
    throw new Error(`no question "${name}": ${QUESTIONS.map((q) => q.name).join(", ")}`);
  }
  return found;
}
