// The GraphQL schema: @neo4j/graphql generates the read API from these types, and the
// questions (src/questions/registry.ts) add their fields: @cypher fields on the nodes they are
// about, and Query fields that resolve a subject as typed (src/api/question-fields.ts).
import { questionFieldsOf, questionTypeDefs } from "./question-fields.ts";
import { actFields, tieFields } from "./relationship-fields.ts";
import { SUBJECT_TYPE_DEFS } from "./subject-fields.ts";

export function typeDefs(): string {
  return /* GraphQL */ `
    # A public, read-only API: no mutations or subscriptions are generated.
    extend schema @mutation(operations: []) @subscription(events: [])

    "Where a fact comes from: one of the plot summaries."
    type Source @node {
      id: ID!
      title: String!
      language: String!
      file: String!
      paragraphs: Int!
      film: String!
      summarises: [Film!]! @relationship(type: "SUMMARISES", direction: OUT)
    }


    type Film @node {
      id: ID!
      title: String!
      year: Int
      director: String
      sources: [String!]!
      characters: [Character!]! @relationship(type: "APPEARS_IN", direction: IN)
      groups: [Group!]! @relationship(type: "APPEARS_IN", direction: IN)
      events: [Event!]! @relationship(type: "IN_FILM", direction: IN)
      summaries: [Source!]! @relationship(type: "SUMMARISES", direction: IN)
${questionFieldsOf("Film")}
    }

    "A character or a group: who can kill, betray, be loyal or be betrayed."
    union Actor = Character | Group

    type Character @node {
      id: ID!
      name: String!
      aliases: [String!]!
      unnamed: Boolean!
      count: Int
      "The story's word for the character's role; absent when the story gives none."
      role: String
      "The role parallels compares by (a built-in role, or the one a story's role is like)."
      parallelRole: String
      occupation: String
      fate: String!
      description: String!
      note: String
      film: String!
      sources: [String!]!
      films: [Film!]! @relationship(type: "APPEARS_IN", direction: OUT)
      memberOf: [Group!]! @relationship(type: "MEMBER_OF", direction: OUT, properties: "Membership")
      loyalTo: [Actor!]! @relationship(type: "LOYAL_TO", direction: OUT, properties: "Loyalty")
      loyaltyOf: [Character!]! @relationship(type: "LOYAL_TO", direction: IN, properties: "Loyalty")
      knowsSecretOf: [Character!]! @relationship(type: "KNOWS_SECRET_OF", direction: OUT, properties: "Secret")
      secretKnownBy: [Actor!]! @relationship(type: "KNOWS_SECRET_OF", direction: IN, properties: "Secret")
      participatedIn: [Event!]! @relationship(type: "PARTICIPATED_IN", direction: OUT, properties: "Participation")
${actFields()}
${tieFields()}
${questionFieldsOf("Character")}
    }

    type Group @node {
      id: ID!
      name: String!
      kind: String!
      description: String!
      film: String!
      sources: [String!]!
      members: [Character!]! @relationship(type: "MEMBER_OF", direction: IN, properties: "Membership")
      loyaltyOf: [Actor!]! @relationship(type: "LOYAL_TO", direction: IN, properties: "Loyalty")
      participatedIn: [Event!]! @relationship(type: "PARTICIPATED_IN", direction: OUT, properties: "Participation")
${actFields()}
${questionFieldsOf("Group")}
    }

    type Event @node {
      id: ID!
      seq: Int!
      "Position in the telling, when it differs from seq (flashbacks)."
      toldSeq: Int
      "For a series: the episode that tells it."
      episode: String
      name: String!
      summary: String!
      film: String!
      sources: [String!]!
      places: [Place!]! @relationship(type: "TOOK_PLACE_AT", direction: OUT)
      participants: [Actor!]! @relationship(type: "PARTICIPATED_IN", direction: IN, properties: "Participation")
      next: [Event!]! @relationship(type: "NEXT", direction: OUT)
    }

    type Place @node {
      id: ID!
      name: String!
      kind: String!
      description: String
      film: String!
      sources: [String!]!
      locatedIn: [Place!]! @relationship(type: "LOCATED_IN", direction: OUT)
      events: [Event!]! @relationship(type: "TOOK_PLACE_AT", direction: IN)
    }

    type Disagreement @node {
      id: ID!
      topic: String!
      accounts: [String!]!
      film: String!
      sources: [String!]!
    }

    type Membership @relationshipProperties {
      role: String!
      "True when the member joined under cover: the group takes him for one of its own."
      covert: Boolean
      since: Int
      until: Int
      "For a covert membership: the ids of who knows the truth."
      knownBy: [String!]
      note: String
      sources: [String!]!
    }

    type Loyalty @relationshipProperties {
      kind: String!
      covert: Boolean!
      since: Int
      until: Int
      knownBy: [String!]!
      note: String
      sources: [String!]!
    }

    type Secret @relationshipProperties {
      "The hidden loyalty's object (a secret about a loyalty)."
      loyalTo: String
      "The group he joined under cover (a secret about a covert membership)."
      memberOf: String
      since: Int
      sources: [String!]!
    }

    type Act @relationshipProperties {
      "The story's own word for the act, when it counts as this type (countsAs)."
      act: String
      event: String!
      seq: Int
      how: String!
      coerced: Boolean
      coercedBy: String
      note: String
      sources: [String!]!
    }

    type Participation @relationshipProperties {
      role: String!
      seq: Int
      sources: [String!]!
    }

    type Tie @relationshipProperties {
      "The story's own tie word (TIED_TO)."
      tie: String
      status: String
      since: Int
      until: Int
      note: String
      sources: [String!]!
    }

    ${questionTypeDefs()}

    ${SUBJECT_TYPE_DEFS}
  `;
}
