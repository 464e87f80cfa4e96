// The GraphQL schema: @neo4j/graphql generates the read API from these types, and the
// query helpers become @cypher fields built from the same Cypher files as the TS API.
import {
  DEFAULT_BETRAYAL_DEPTH,
  DEFAULT_CHAIN_LIMIT,
  MAX_BETRAYAL_DEPTH,
  MAX_CHAIN_LIMIT,
} from "../queries/betrayals/index.ts";
import { NARRATIVE_ROLES } from "../dataset/vocabulary.ts";
import { DEFAULT_FILM_LIMIT, MAX_FILM_LIMIT, PER_FILM } from "../queries/parallels/index.ts";
import { cypherFieldStatement } from "./cypher-fields.ts";

const block = (cypher: string) => `"""\n${cypher}\n"""`;

export function typeDefs(): string {
  const deathByWhom = cypherFieldStatement("death-by-whom", { victimId: "this.id" }, [
    "steps",
    "endsWith",
  ]);
  const killsBy = cypherFieldStatement("kills-by", { killerId: "this.id" }, [
    "victim",
    "victimId",
    "victimIsGroup",
    "event",
    "seq",
    "how",
    "place",
    "sources",
  ]);
  const deathLedger = cypherFieldStatement("death-ledger", { film: "this.id" }, [
    "seq",
    "victim",
    "victimId",
    "killer",
    "killerId",
    "killerIsGroup",
    "event",
    "how",
    "place",
    "sources",
    "certain",
  ]);

  // $maxDepth (a BetrayalDepth, checked 1..8) bounds the expansion hop by hop, and $limit (a
  // ChainLimit) the chains returned, inside the query.
  const betrayalChains = cypherFieldStatement("betrayal-chains", { characterId: "this.id" }, [
    "chains",
    "truncated",
  ]);
  const timeline = cypherFieldStatement("timeline", { film: "this.id" }, [
    "seq",
    "id",
    "name",
    "summary",
    "sources",
    "episode",
    "toldSeq",
    "place",
    "participants",
    "acts",
    "disagreements",
  ]);

  // A top-level field: the role comes as a GraphQL enum value (LEAD_INVESTIGATOR), the file
  // takes the role itself (lead-investigator).
  const parallels = cypherFieldStatement(
    "parallels",
    {
      role: "CASE WHEN $role IS NULL THEN null ELSE replace(toLower($role), '_', '-') END",
      perFilm: String(PER_FILM),
      // An explicit null takes the default too, as in the TS helper.
      limit: `coalesce($limit, ${DEFAULT_FILM_LIMIT})`,
    },
    ["role", "films", "truncated"],
    undefined,
    "none",
  );
  const roleEnum = NARRATIVE_ROLES.map((r) => r.toUpperCase().replace(/-/g, "_")).join(" ");

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

    "How many betrayals a chain may hold: a whole number from 1 to ${MAX_BETRAYAL_DEPTH}."
    scalar BetrayalDepth

    "How many chains to return, the most relevant first: a whole number from 1 to ${MAX_CHAIN_LIMIT}."
    scalar ChainLimit

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
      "The film's deaths in story order (cypher/queries/death-ledger.cypher)."
      deathLedger: [Death!]! @cypher(statement: ${block(deathLedger)}, columnName: "result")
      "The film's events in story order, with places, participants and acts (cypher/queries/timeline.cypher)."
      timeline(from: Int, to: Int): [TimelineEntry!]! @cypher(statement: ${block(timeline)}, columnName: "result")
    }

    "A narrative role as parallels compares by: a built-in role (LEAD_INVESTIGATOR is lead-investigator)."
    enum NarrativeRole {
      ${roleEnum}
    }

    "How many films parallels lists per role: a whole number from 1 to ${MAX_FILM_LIMIT}."
    scalar FilmLimit

    type ParallelCharacter {
      id: ID!
      name: String!
      unnamed: Boolean!
      occupation: String
      fate: String!
      "How many acts the story gives them, done or suffered: the first ranking."
      acts: Int!
      sources: [String!]!
    }

    type ParallelFilm {
      film: ID!
      title: String!
      "How many of the film's characters hold the role."
      total: Int!
      "At most ${PER_FILM}: those with most acts first, then by name."
      characters: [ParallelCharacter!]!
    }

    type Parallel {
      role: String!
      "At least two films, by film id."
      films: [ParallelFilm!]!
      "True when more than limit films hold the role (those with the largest ids were left out)."
      truncated: Boolean!
    }

    type Query {
      "Characters of different films who hold the same narrative role, one entry per role held in at least two films (cypher/queries/parallels.cypher)."
      parallels(role: NarrativeRole, limit: FilmLimit = ${DEFAULT_FILM_LIMIT}): [Parallel!]!
        @cypher(statement: ${block(parallels)}, columnName: "result")
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
      killed: [Actor!]! @relationship(type: "KILLED", direction: OUT, properties: "Act")
      killedBy: [Actor!]! @relationship(type: "KILLED", direction: IN, properties: "Act")
      wounded: [Actor!]! @relationship(type: "WOUNDED", direction: OUT, properties: "Act")
      woundedBy: [Actor!]! @relationship(type: "WOUNDED", direction: IN, properties: "Act")
      betrayed: [Actor!]! @relationship(type: "BETRAYED", direction: OUT, properties: "Act")
      betrayedBy: [Actor!]! @relationship(type: "BETRAYED", direction: IN, properties: "Act")
      participatedIn: [Event!]! @relationship(type: "PARTICIPATED_IN", direction: OUT, properties: "Participation")
      marriedTo: [Character!]! @relationship(type: "MARRIED_TO", direction: OUT, properties: "Tie")
      romanceWith: [Character!]! @relationship(type: "ROMANCE_WITH", direction: OUT, properties: "Tie")
      informantFor: [Character!]! @relationship(type: "INFORMANT_FOR", direction: OUT, properties: "Tie")
      "Who killed this character, who killed the killer... (cypher/queries/death-by-whom.cypher)."
      deathByWhom: [DeathChain!]! @cypher(statement: ${block(deathByWhom)}, columnName: "result")
      "Everyone this character killed, in story order (cypher/queries/kills-by.cypher)."
      kills: [Kill!]! @cypher(statement: ${block(killsBy)}, columnName: "result")
      """
      Betrayal chains starting with this character: A betrayed B, then B betrayed C...; betraying
      a group counts as betraying its members at that moment (cypher/queries/betrayal-chains.cypher).
      """
      betrayalChains(
        maxDepth: BetrayalDepth! = ${DEFAULT_BETRAYAL_DEPTH}
        timeRespecting: Boolean! = false
        limit: ChainLimit! = ${DEFAULT_CHAIN_LIMIT}
      ): BetrayalChains!
        @cypher(statement: ${block(betrayalChains)}, columnName: "result")
    }

    type Group @node {
      id: ID!
      name: String!
      kind: String!
      description: String!
      film: String!
      sources: [String!]!
      members: [Character!]! @relationship(type: "MEMBER_OF", direction: IN, properties: "Membership")
      killed: [Actor!]! @relationship(type: "KILLED", direction: OUT, properties: "Act")
      betrayedBy: [Actor!]! @relationship(type: "BETRAYED", direction: IN, properties: "Act")
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
      since: Int
      until: Int
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
      loyalTo: String!
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

    type KillStep {
      victim: String!
      victimId: ID!
      killer: String!
      killerId: ID!
      killerIsGroup: Boolean!
      event: String!
      seq: Int
      how: String!
      sources: [String!]!
    }

    type DeathChain {
      steps: [KillStep!]!
      "Why the chain stops: survivor (nobody killed the last killer), group (a collective), suicide, cycle (the last killer killed someone already in the chain), limit (20 steps)"
      endsWith: String!
    }

    type Kill {
      victim: String!
      victimId: ID!
      victimIsGroup: Boolean!
      event: String!
      seq: Int
      how: String!
      place: String
      sources: [String!]!
    }

    type Ref {
      id: ID!
      name: String!
    }

    type BetrayalStep {
      traitor: String!
      traitorId: ID!
      traitorIsGroup: Boolean!
      "The group betrayed in the step before, of which this traitor was a member then."
      viaGroup: String
      viaGroupId: ID
      betrayed: String!
      betrayedId: ID!
      betrayedIsGroup: Boolean!
      "Whom betraying a group reaches: its members at that moment."
      members: [Ref!]!
      event: String!
      seq: Int
      how: String!
      coerced: Boolean!
      coercedBy: String
      coercedById: ID
      sources: [String!]!
    }

    type BetrayalChain {
      steps: [BetrayalStep!]!
      "True when the chain goes on beyond maxDepth."
      truncated: Boolean!
    }

    type BetrayalChains {
      "The most relevant maximal chains: longest first, then in story order, then by ids."
      chains: [BetrayalChain!]!
      "True when there were more chains than the limit."
      truncated: Boolean!
    }

    type TimelinePlace {
      id: ID!
      name: String!
      kind: String!
      "Enclosing places, nearest first."
      within: [String!]!
      sources: [String!]!
    }

    type TimelineParticipant {
      id: ID!
      name: String!
      isGroup: Boolean!
      role: String!
      sources: [String!]!
    }

    type TimelineAct {
      type: String!
      "The story's own word for the act, when it has one (always for ACTED_ON)"
      act: String
      byId: ID!
      by: String!
      toId: ID!
      to: String!
      how: String!
      coerced: Boolean
      sources: [String!]!
    }

    type TimelineDisagreement {
      id: ID!
      topic: String!
    }

    type TimelineEntry {
      seq: Int!
      id: ID!
      name: String!
      summary: String!
      sources: [String!]!
      episode: String
      toldSeq: Int
      place: TimelinePlace
      participants: [TimelineParticipant!]!
      acts: [TimelineAct!]!
      disagreements: [TimelineDisagreement!]!
    }

    type Death {
      seq: Int
      victim: String!
      victimId: ID!
      killer: String
      killerId: ID
      killerIsGroup: Boolean
      event: String
      how: String
      place: String
      sources: [String!]!
      certain: Boolean!
    }
  `;
}
