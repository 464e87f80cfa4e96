// Covert memberships on generated stories: some of a story's memberships made covert (joined
// under cover) and a few covert ones added, each with who knows the truth and since when; and,
// so that double agents have something to hide behind, a covert loyalty for some of those
// covert members to another side over the same span.
import fc from "fast-check";
import type { FilmFile } from "../../src/dataset/schema.ts";

type Membership = FilmFile["memberships"][number];

export function withCovertMemberships(story: FilmFile): fc.Arbitrary<FilmFile> {
  const characters = story.characters.map((c) => c.id);
  const groups = story.groups.map((g) => g.id);
  const actors = [...characters, ...groups];
  const seqs = story.events.map((e) => e.seq);
  const source = `${story.film.id}-src:3`;
  const knowers = fc.uniqueArray(
    fc.record({
      who: fc.constantFrom(...actors),
      since: fc.option(fc.constantFrom(...seqs), { nil: undefined }),
    }),
    { selector: (k) => k.who, maxLength: 2 },
  );
  const n = story.memberships.length;
  const added =
    groups.length === 0
      ? fc.constant([])
      : fc.array(
          fc.record({
            member: fc.constantFrom(...characters),
            group: fc.constantFrom(...groups),
            span: fc.tuple(
              fc.option(fc.constantFrom(...seqs), { nil: undefined }),
              fc.option(fc.constantFrom(...seqs), { nil: undefined }),
            ),
            knownBy: knowers,
          }),
          { minLength: 1, maxLength: 3 },
        );
  return fc
    .record({
      covert: fc.array(fc.boolean(), { minLength: n, maxLength: n }),
      knownBy: fc.array(knowers, { minLength: n, maxLength: n }),
      added,
      // For each covert member: maybe a covert loyalty to someone (another side).
      loyalTo: fc.array(fc.option(fc.constantFrom(...actors), { nil: undefined }), {
        minLength: n + 3,
        maxLength: n + 3,
      }),
    })
    .map((r) => {
      const cite = (k: { who: string; since?: number }) => ({ ...k, sources: [source] });
      const flipped: Membership[] = story.memberships.map((m, i) =>
        r.covert[i] ? { ...m, covert: true, knownBy: (r.knownBy[i] ?? []).map(cite) } : m,
      );
      const identities = new Set(flipped.map((m) => `${m.member}|${m.group}|${m.since}`));
      const extra: Membership[] = [];
      for (const a of r.added) {
        const [x, y] = a.span;
        // since <= until, as the validator requires.
        const [since, until] = x !== undefined && y !== undefined && x > y ? [y, x] : [x, y];
        const identity = `${a.member}|${a.group}|${since}`;
        if (identities.has(identity)) continue;
        identities.add(identity);
        extra.push({
          member: a.member,
          group: a.group,
          role: "under cover",
          covert: true,
          since,
          until,
          knownBy: a.knownBy.map(cite),
          sources: [source],
        });
      }
      const memberships = [...flipped, ...extra];
      const taken = new Set(story.loyalties.map((l) => `${l.from}|${l.to}|${l.kind}|${l.since}`));
      const loyalties = memberships.flatMap((m, i) => {
        const to = r.loyalTo[i];
        if (!m.covert || to === undefined || to === m.member || to === m.group) return [];
        const identity = `${m.member}|${to}|duty|${m.since}`;
        if (taken.has(identity)) return [];
        taken.add(identity);
        return [
          {
            from: m.member,
            to,
            kind: "duty",
            covert: true,
            since: m.since,
            until: m.until,
            knownBy: m.knownBy,
            sources: [source],
          },
        ];
      });
      return { ...story, memberships, loyalties: [...story.loyalties, ...loyalties] };
    });
}
