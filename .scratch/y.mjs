import { parseDocument, LineCounter } from "yaml";
const cases = {
 colonFlow: "events:\n  - { id: a, summary: He says: go, seq: 1 }\n",
 colonFlowSeq: "x: [a: b c: d]\n",
 tab: "film:\n\tid: x\n",
 tab2: "film:\n  id: x\n  \ttitle: y\n",
 badIndent: "film:\n  id: x\n   title: y\n",
 dash: "characters:\n- id: a\n  name: b\n -id: c\n",
 quote: "film: { id: a, title: \"Bob's }\nx: 1\n",
 dupKey: "a: 1\na: 2\n",
};
for (const [k, t] of Object.entries(cases)) {
  const lc = new LineCounter();
  const d = parseDocument(t, { uniqueKeys: true, prettyErrors: true, lineCounter: lc });
  console.log(k, d.errors.map(e => e.code + " " + JSON.stringify(lc.linePos(e.pos[0])) + " " + e.message.split("\n")[0]));
}
