// One example value for every field of the film and sources files. The JSON Schema carries
// them (editors show them on hover and offer them on completion) and a problem about a
// missing or malformed field shows the line to write: one table, so the two agree.
import { stringify } from "yaml";

type Examples = Record<string, unknown>;

const SOURCES = ["heat-fr:12"];

/** The examples of each kind of object, by field. */
export const EXAMPLES: Record<string, Examples> = {
  film: {
    id: "heat",
    title: "Heat",
    year: 1995,
    director: "Michael Mann",
    kind: "film",
    sources: ["heat-fr:1"],
  },
  source: {
    id: "heat-fr",
    title: "Heat, plot summary (French)",
    film: "heat",
    language: "fr",
    file: "heat-fr.txt",
    paragraphs: 21,
  },
  actWord: {
    word: "double-crossed",
    countsAs: "BETRAYED",
    description: "Turns on a partner for gain.",
  },
  tieWord: { word: "handler of", description: "Runs an informant." },
  roleWord: { word: "boss", like: "crew-leader", description: "Gives the orders." },
  place: {
    id: "heat-bank",
    name: "Far East National Bank",
    kind: "bank",
    in: "heat-los-angeles",
    description: "Downtown bank the crew robs.",
    sources: SOURCES,
  },
  group: {
    id: "heat-crew",
    name: "McCauley's crew",
    kind: "crew",
    description: "Professional thieves led by Neil McCauley.",
    sources: SOURCES,
  },
  character: {
    id: "neil-mccauley",
    name: "Neil McCauley",
    aliases: ["Neil"],
    unnamed: false,
    count: 2,
    role: "crew-leader",
    occupation: "professional thief",
    fate: "killed",
    description: "Leader of a crew of thieves.",
    sources: SOURCES,
    note: "One source spells the name McCauly.",
  },
  participant: { who: "neil-mccauley", role: "leads the robbery", sources: SOURCES },
  event: {
    id: "heat-bank-robbery",
    seq: 12,
    toldSeq: 14,
    episode: "S01E03",
    name: "The bank robbery",
    summary: "The crew robs the bank and shoots its way out.",
    place: "heat-bank",
    participants: [{ who: "neil-mccauley", role: "leads the robbery" }],
    sources: SOURCES,
  },
  membership: {
    member: "chris-shiherlis",
    group: "heat-crew",
    role: "safecracker",
    covert: false,
    since: 1,
    until: 40,
    knownBy: [{ who: "vincent-hanna", since: 20, sources: SOURCES }],
    sources: SOURCES,
    note: "Why it is modelled so.",
  },
  knower: { who: "vincent-hanna", since: 20, sources: SOURCES },
  loyalty: {
    from: "chris-shiherlis",
    to: "neil-mccauley",
    kind: "crew",
    covert: false,
    since: 1,
    until: 40,
    knownBy: [{ who: "vincent-hanna", since: 20, sources: SOURCES }],
    sources: SOURCES,
    note: "Why it is modelled so.",
  },
  act: {
    type: "KILLED",
    by: "neil-mccauley",
    to: "waingro",
    event: "heat-hotel",
    how: "Shoots him in his hotel room.",
    coerced: true,
    coercedBy: "roger-van-zant",
    sources: SOURCES,
    note: "Why it is modelled so.",
  },
  tie: {
    type: "MARRIED_TO",
    from: "vincent-hanna",
    to: "justine-hanna",
    status: "ended",
    since: 1,
    until: 30,
    sources: SOURCES,
    note: "Why it is modelled so.",
  },
  account: { claim: "He dies in the shoot-out.", sources: SOURCES },
  disagreement: {
    id: "heat-fate-doubt",
    about: "neil-mccauley",
    topic: "How he dies",
    accounts: [
      { claim: "Shot at the airport.", sources: ["heat-fr:20"] },
      { claim: "Shot on the runway.", sources: ["heat-de:12"] },
    ],
  },
};

/** The kind of object a list (or a list field inside an item) holds. */
export const KIND_OF_LIST: Record<string, string> = {
  film: "film",
  sources: "source",
  "vocabulary.acts": "actWord",
  "vocabulary.ties": "tieWord",
  "vocabulary.roles": "roleWord",
  places: "place",
  groups: "group",
  characters: "character",
  events: "event",
  memberships: "membership",
  loyalties: "loyalty",
  acts: "act",
  ties: "tie",
  disagreements: "disagreement",
  participants: "participant",
  knownBy: "knower",
  accounts: "account",
};

/**
 * The example of the field at `path` inside an item of `list` (e.g. "events",
 * ["participants", 0, "role"]), as one line of YAML, or undefined when there is none.
 */
export function exampleLine(list: string, path: readonly PropertyKey[]): string | undefined {
  const keys = path.filter((k): k is string => typeof k === "string");
  const field = keys[keys.length - 1];
  if (field === undefined) return undefined;
  // The object holding the field: the innermost list field before it, or the item itself.
  const holder =
    keys
      .slice(0, -1)
      .reverse()
      .find((k) => KIND_OF_LIST[k]) ?? list;
  const kind = KIND_OF_LIST[holder];
  const value = kind === undefined ? undefined : EXAMPLES[kind]?.[field];
  return value === undefined ? undefined : yamlLine(field, value);
}

/** `field: value` in YAML's flow style, on one line. */
export function yamlLine(field: string, value: unknown): string {
  return `${field}: ${stringify(value, { collectionStyle: "flow", lineWidth: 0 }).trim()}`;
}
