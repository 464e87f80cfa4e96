// What the Browser guide says about each headline query: the question, and what running the
// query file as it is (its own `:param` values) shows. The Cypher itself is never copied here:
// build-guide.ts takes it from cypher/queries/<query>.cypher. guide-queries.test.ts runs every
// slide's query against the imported films and checks `rows` and `shows`, so the descriptions
// cannot drift from the data unnoticed.

export interface TryAlso {
  /** Parameter values replacing the file's own (Cypher expressions, as on a `:param` line). */
  params: Record<string, string>;
  /** HTML: what the query shows then. */
  expected: string;
  shows: string[];
  rows?: number;
}

export interface HeadlineSlide {
  /** The file's name in cypher/queries/, without `.cypher`. */
  query: string;
  /**
   * Parameter values replacing the file's own (as in TryAlso), for a further slide of a query
   * that already has one.
   */
  params?: Record<string, string>;
  title: string;
  /** HTML: the question the query answers. */
  lead: string;
  /** HTML: what the query shows with the file's own parameters. */
  expected: string;
  /**
   * Texts the result, as JSON, must contain: names, or one `"key":value` pair (e.g.
   * `"endsWith":"survivor"`; not two: the keys of a map Neo4j returns come in any order).
   */
  shows: string[];
  /** How many rows the result has. */
  rows?: number;
  tryAlso?: TryAlso[];
}

/** In the guide's order. A slide whose query file does not exist (yet) is left out. */
export const HEADLINE_SLIDES: HeadlineSlide[] = [
  {
    query: "find-subject",
    title: "Find a character",
    lead: "Every question starts from a character's <code>id</code>. This finds it by name or alias, ignoring case and accents (<code>$key</code> is the name in lower case, without accents); <code>$film</code> null searches every film.",
    expected:
      "One row: <b>Waingro</b> (<code>heat-waingro</code>, fate <code>killed</code>), his name as typed (<code>written</code> and <code>exact</code> true). A name typed whole wins, so the names that merely hold the word are not looked for.",
    shows: ['"id":"heat-waingro"', '"written":true'],
    rows: 1,
    tryAlso: [
      {
        params: { name: "'guard'", key: "'guard'", search: "'searchKeys:\"guard\"'" },
        expected:
          "One word of a name: nobody is called just &quot;guard&quot;, so the names holding the word are looked for, and the armored-car guard Waingro killed comes back with <code>exact</code> false.",
        shows: ['"id":"heat-armored-car-guard-1"', '"exact":false'],
        rows: 1,
      },
    ],
  },
  {
    query: "death-by-whom",
    title: "Death by whom",
    lead: "Who killed this character, who killed the killer, and so on, until someone nobody killed, or a group (the sources name no one in &quot;the police&quot;). One row per chain, each step with the event, its place in the story (<code>seq</code>), how, and the source paragraphs.",
    expected:
      "One chain: <b>Waingro &larr; Neil McCauley &larr; Vincent Hanna</b>. McCauley shoots Waingro in the airport hotel (seq 40), Hanna shoots McCauley at the airport (seq 42), and nobody kills Hanna: <code>endsWith</code> is <code>'survivor'</code>.",
    shows: [
      '"victim":"Waingro"',
      '"killer":"Neil McCauley"',
      '"killer":"Vincent Hanna"',
      '"seq":40',
      '"seq":42',
      '"endsWith":"survivor"',
    ],
    rows: 1,
    tryAlso: [
      {
        params: { victimId: "'donald-breedan'" },
        expected:
          "Donald Breedan, the getaway driver, is shot at the police roadblock: the chain has one step, the killer is the group <b>Los Angeles Police Department</b>, and <code>endsWith</code> is <code>'group'</code>.",
        shows: ['"killer":"Los Angeles Police Department"', '"endsWith":"group"'],
        rows: 1,
      },
    ],
  },
  {
    query: "kills-by",
    title: "Kills by",
    lead: "Everyone one character killed, in story order, with the event, the place and how.",
    expected:
      "Neil McCauley kills three: <b>Trejo</b> (seq 29, a mercy shot at Trejo's request), <b>Roger Van Zant</b> (seq 30, in his home) and <b>Waingro</b> (seq 40, in the airport hotel).",
    shows: ['"victim":"Trejo"', '"victim":"Roger Van Zant"', '"victim":"Waingro"', "Airport hotel"],
    rows: 3,
  },
  {
    query: "death-ledger",
    title: "The death ledger",
    lead: "A film's deaths in story order: who died, by whose hand, where and how. Deaths the sources tell without a killer are listed with <code>killer</code> null, and characters the sources leave &quot;killed or wounded&quot; with <code>certain</code> false.",
    expected:
      "Thirteen rows for Heat: from the armored-car guards (seq 2, killed by Waingro and by McCauley's crew) to <b>Neil McCauley</b> (seq 42, by Vincent Hanna); last, with no seq and <code>certain</code> false, the detectives <b>Danny Schwartz</b> and <b>Mike Bosko</b>.",
    shows: [
      "Armored car guard killed by Waingro",
      '"victim":"Neil McCauley"',
      '"killer":"Vincent Hanna"',
      '"victim":"Danny Schwartz"',
      '"victim":"Mike Bosko"',
      '"certain":false',
    ],
    rows: 13,
  },
  {
    query: "timeline",
    title: "Timeline",
    lead: "A film's events in story order, each with its place, who took part and what they did to each other there; <code>$from</code> and <code>$to</code> cut out a stretch of the story.",
    expected:
      "All of Heat's events, from <b>Crew prepares the armored-car job</b> (seq 1) to the airport showdown. The bank robbery (seq 25) has Waingro's BETRAYED of McCauley's crew among its acts; the shoot-out after it (seq 26) lists the police killing Breedan.",
    shows: [
      '"id":"heat-armored-car-heist-prepared"',
      '"id":"heat-airport-showdown"',
      '"id":"heat-bank-robbery"',
      '"by":"Waingro"',
      '"type":"BETRAYED"',
      '"to":"Donald Breedan"',
    ],
    tryAlso: [
      {
        params: { from: "25", to: "27" },
        expected:
          "Three events: the bank robbery, the street shoot-out, and <b>Hanna kills Cheritto</b>.",
        shows: ["heat-bank-robbery", "heat-bank-shootout", "Hanna kills Cheritto"],
        rows: 3,
      },
    ],
  },
  {
    query: "betrayal-chains",
    title: "Betrayal chains",
    lead: "A betrayed B, then B betrayed C, and so on, from one character. Betraying a group counts as betraying everyone in it at that moment, so a chain can go on through a group's members (<code>viaGroup</code>). <code>$timeRespecting</code> true keeps only betrayals later in the story; <code>$maxDepth</code> caps a chain's length.",
    expected:
      "From Waingro, one row: its <code>chains</code> (two of them) and <code>truncated</code> false (no chain was left out by <code>$limit</code>). Both chains start with <b>Waingro betraying McCauley's crew</b> (he has the police tipped off about the bank job) and go on through the crew's members: one to <b>Trejo</b>, forced to betray the crew, and <b>Donald Breedan</b>, who breaks his promise to <b>Lillian</b>; the other straight to Breedan.",
    shows: [
      '"traitor":"Waingro"',
      '"betrayed":"McCauley\'s crew"',
      '"traitor":"Trejo"',
      '"betrayed":"Lillian"',
      '"truncated":false',
    ],
    rows: 1,
  },
  {
    query: "film-betrayal-chains",
    title: "Every betrayal chain of a film",
    lead: "The same chains, from every traitor of a film; only the longest are kept (a chain that is part of a longer one is not listed again).",
    expected:
      "For Heat, the chains of Waingro above, <b>Alan Marciano &rarr; Charlene Shiherlis &rarr; ...</b> (Hanna forces Marciano to inform on her husband), <b>Roger Van Zant &rarr; Neil McCauley</b> (the ambush at the bond exchange) and <b>Justine &rarr; Vincent Hanna</b>.",
    shows: [
      '"traitor":"Alan Marciano"',
      '"traitor":"Roger Van Zant"',
      '"traitor":"Justine"',
      '"betrayed":"Vincent Hanna"',
    ],
  },
  {
    query: "loyalties",
    title: "Loyalties at a point of the story",
    lead: "To whom a character is loyal at one event of the story (<code>$at</code>, an event's seq; null for the whole story): of what kind, open or covert, and for a covert loyalty who knows the truth, and since when.",
    expected:
      "Ko Chow, the undercover policeman of City on Fire, at event 5 (<b>Task force under John Chan</b>): covert <code>duty</code> loyalties to <b>Inspector Lau</b> and to <b>The police</b>, known by Lau, and by <b>Fu</b> only from event 33 (<code>knows</code> false here); and his open love for <b>Hung</b>.",
    shows: [
      "Task force under John Chan",
      '"to":"Inspector Lau"',
      '"to":"The police"',
      '"who":"Fu"',
      '"to":"Hung"',
    ],
    rows: 1,
  },
  {
    query: "double-agents",
    title: "Double agents",
    lead: "Every hidden (covert) loyalty of a film, with the allegiances the same character shows at the same time (memberships, the covert ones he keeps up as a cover, and loyalties other than love, family and friendship) and who knows the truth.",
    expected:
      "Three rows for City on Fire: <b>Chan Kam-wah</b>, the policeman murdered at the start, and <b>Ko Chow</b> twice, loyal in secret to Inspector Lau and to the police while openly with the gang; <b>Fu</b> learns the truth near the end.",
    shows: [
      '"character":"Chan Kam-wah"',
      '"character":"Ko Chow"',
      '"to":"Inspector Lau"',
      '"who":"Fu"',
    ],
    rows: 3,
  },
  {
    query: "revenge",
    title: "Revenge",
    lead: "Killings where the killer stood for someone the victim had wronged before: himself, someone he is loyal to, or his group.",
    expected:
      "In Heat, <b>Neil McCauley</b> kills <b>Roger Van Zant</b>, avenging himself (Van Zant's ambush), and kills <b>Waingro</b>, avenging <b>McCauley's crew</b>, which Waingro betrayed.",
    shows: [
      '"victim":"Roger Van Zant"',
      '"avengesSelf":true',
      '"victim":"Waingro"',
      '"avenged":"McCauley\'s crew"',
    ],
  },
  {
    query: "connection",
    title: "Connection",
    lead: "The shortest ways from one character to another through the story's relationships (acts, ties, loyalties, secrets, memberships), with every relationship along each hop.",
    expected:
      "From Fu to Inspector Lau, two hops either way: through <b>Ko Chow</b> (Fu's friend, Lau's undercover man) and through <b>The police</b>.",
    shows: ['"name":"Ko Chow"', '"name":"The police"', '"name":"Inspector Lau"'],
    rows: 2,
  },
  {
    query: "dossier",
    title: "Dossier",
    lead: "Everything the graph says about one character, each fact with its source paragraphs: groups, loyalties both ways, secrets known, acts done and suffered, ties, events and disagreements.",
    expected:
      "One row for <b>Ko Chow</b> of <b>City on Fire</b>, an <code>undercover-officer</code>, with his loyalties, his acts and the events he takes part in.",
    shows: ['"name":"Ko Chow"', '"filmTitle":"City on Fire"', '"role":"undercover-officer"'],
    rows: 1,
  },
  {
    query: "parallels",
    title: "Parallels across films",
    lead: "Characters of different films who hold the same narrative role (<code>$role</code>, or null for every role).",
    expected:
      "The lead investigators: <b>John Chan</b> in City on Fire and <b>Vincent Hanna</b> in Heat.",
    shows: ['"name":"John Chan"', '"name":"Vincent Hanna"'],
    rows: 1,
  },
  {
    query: "parallels",
    title: "City on Fire and Reservoir Dogs",
    params: { role: "'undercover-officer'" },
    lead: "<i>Reservoir Dogs</i> (1992) took much of its plot from <i>City on Fire</i> (1987): the undercover officer shot in the jewel robbery and tended by the gangster who trusts him, the boss who accuses him, the stand-off, the confession. The same question, asked of one role at a time, pairs their characters (each film lists those the story says most about first).",
    expected:
      "One row, the undercover officers: <b>Ko Chow</b> (then Chan Kam-wah, killed before him) in City on Fire and <b>Mr. Orange</b> in Reservoir Dogs, all three killed. Heat has no undercover officer, so it is not listed.",
    shows: ['"name":"Ko Chow"', '"name":"Chan Kam-wah"', '"name":"Mr. Orange"'],
    rows: 1,
    tryAlso: [
      {
        params: { role: "'crew-member'" },
        expected:
          "The gangsters: <b>Fu</b> first in City on Fire and <b>Mr. White</b> first in Reservoir Dogs, the friend each undercover officer deceives (Heat's crew is listed too).",
        shows: ['"name":"Fu"', '"name":"Mr. White"', '"title":"Reservoir Dogs"'],
        rows: 1,
      },
      {
        params: { role: "'crew-leader'" },
        expected:
          "The bosses: the unnamed <b>Gang leader</b> of City on Fire, <b>Neil McCauley</b> of Heat and <b>Joe Cabot</b> of Reservoir Dogs, whose role is the story word <code>boss</code>, declared like <code>crew-leader</code>.",
        shows: ['"name":"Gang leader"', '"name":"Joe Cabot"', '"name":"Neil McCauley"'],
        rows: 1,
      },
    ],
  },
];
