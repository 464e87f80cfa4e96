// The GraphQL fields of the acts and ties, one per relationship type of the vocabulary
// (src/dataset/vocabulary.ts) and direction, so a new type is in the API with no edit here:
// - an act type on Character and Group: `killed` (done) and `killedBy` (suffered), to any
//   character or group, with the act's properties;
// - a tie type on Character: `parentOf`, and its other end named by TIE_INVERSES (`childOf`);
//   a tie that reads the same both ways (`marriedTo`) is one field, asked in either direction.
import { ACT_TYPES, TIE_INVERSES, TIE_TYPES } from "../dataset/vocabulary.ts";

/** The field name of a type: KILLED is killed, MARRIED_TO is marriedTo. */
export const camelOf = (type: string) =>
  type.toLowerCase().replace(/_(\w)/g, (_, c: string) => c.toUpperCase());

const field = (
  name: string,
  target: string,
  type: string,
  direction: "IN" | "OUT",
  properties: string,
  undirected = false,
) =>
  `      ${name}: [${target}!]! @relationship(type: "${type}", direction: ${direction}, ` +
  `properties: "${properties}"${undirected ? ", queryDirection: UNDIRECTED" : ""})`;

/** The act fields of a character or a group. */
export function actFields(): string {
  return [...ACT_TYPES, "ACTED_ON" as const]
    .flatMap((type) => [
      field(camelOf(type), "Actor", type, "OUT", "Act"),
      field(`${camelOf(type)}By`, "Actor", type, "IN", "Act"),
    ])
    .join("\n");
}

/** The tie fields of a character. */
export function tieFields(): string {
  return [
    ...TIE_TYPES.flatMap((type) => {
      const inverse = TIE_INVERSES[type];
      return inverse === null
        ? [field(camelOf(type), "Character", type, "OUT", "Tie", true)]
        : [
            field(camelOf(type), "Character", type, "OUT", "Tie"),
            field(inverse, "Character", type, "IN", "Tie"),
          ];
    }),
    // A story's own tie word, as its author wrote it: from the first to the second.
    field("tiedTo", "Character", "TIED_TO", "OUT", "Tie"),
    field("tiedFrom", "Character", "TIED_TO", "IN", "Tie"),
  ].join("\n");
}
