import fc from "fast-check";
import stringWidth from "string-width";
import { describe, expect, it } from "vitest";
import {
  columnWidths,
  LONG_WORD,
  makeTable,
  outputWidth,
  PIPED_WIDTH,
  renderTable,
} from "./table.ts";

const head = ["seq", "victim", "killed by", "how", "sources"];
const rows = [
  [
    40,
    "Waingro",
    "Neil McCauley",
    "Shoots him in his hotel room, using a fire alarm as cover.",
    "heat-fr:18, heat-fr:19, heat-de:12",
  ],
  [
    42,
    "Neil McCauley",
    "Vincent Hanna",
    "Shoots him on the airport grounds after a cat-and-mouse chase.",
    "heat-fr:20, heat-de:12",
  ],
];

const lines = (text: string) => text.split("\n");
const widestLine = (text: string) => Math.max(...lines(text).map((l) => stringWidth(l)));
const render = (width: number, body: (string | number)[][] = rows, columns = head) =>
  renderTable(columns, body, { width, color: false });

describe("renderTable", () => {
  it("keeps a table that fits as it is, one line per row (200 columns)", () => {
    expect(render(200)).toBe(
      [
        "┌─────┬───────────────┬───────────────┬────────────────────────────────────────────────────────────────┬────────────────────────────────────┐",
        "│ seq │ victim        │ killed by     │ how                                                            │ sources                            │",
        "├─────┼───────────────┼───────────────┼────────────────────────────────────────────────────────────────┼────────────────────────────────────┤",
        "│ 40  │ Waingro       │ Neil McCauley │ Shoots him in his hotel room, using a fire alarm as cover.     │ heat-fr:18, heat-fr:19, heat-de:12 │",
        "├─────┼───────────────┼───────────────┼────────────────────────────────────────────────────────────────┼────────────────────────────────────┤",
        "│ 42  │ Neil McCauley │ Vincent Hanna │ Shoots him on the airport grounds after a cat-and-mouse chase. │ heat-fr:20, heat-de:12             │",
        "└─────┴───────────────┴───────────────┴────────────────────────────────────────────────────────────────┴────────────────────────────────────┘",
      ].join("\n"),
    );
  });

  it("wraps the long columns at spaces to fit 80 columns, the longest text keeping most room", () => {
    expect(render(80)).toBe(
      [
        "┌─────┬──────────┬──────────┬───────────────────────────────────┬─────────────┐",
        "│ seq │ victim   │ killed   │ how                               │ sources     │",
        "│     │          │ by       │                                   │             │",
        "├─────┼──────────┼──────────┼───────────────────────────────────┼─────────────┤",
        "│ 40  │ Waingro  │ Neil     │ Shoots him in his hotel room,     │ heat-fr:18, │",
        "│     │          │ McCauley │ using a fire alarm as cover.      │ heat-fr:19, │",
        "│     │          │          │                                   │ heat-de:12  │",
        "├─────┼──────────┼──────────┼───────────────────────────────────┼─────────────┤",
        "│ 42  │ Neil     │ Vincent  │ Shoots him on the airport grounds │ heat-fr:20, │",
        "│     │ McCauley │ Hanna    │ after a cat-and-mouse chase.      │ heat-de:12  │",
        "└─────┴──────────┴──────────┴───────────────────────────────────┴─────────────┘",
      ].join("\n"),
    );
  });

  it("gives the rows as blocks of field: value lines when the columns cannot fit (40)", () => {
    expect(render(40)).toBe(
      [
        "seq:       40",
        "victim:    Waingro",
        "killed by: Neil McCauley",
        "how:       Shoots him in his hotel room,",
        "           using a fire alarm as cover.",
        "sources:   heat-fr:18, heat-fr:19,",
        "           heat-de:12",
        "",
        "seq:       42",
        "victim:    Neil McCauley",
        "killed by: Vincent Hanna",
        "how:       Shoots him on the airport",
        "           grounds after a cat-and-mouse",
        "           chase.",
        "sources:   heat-fr:20, heat-de:12",
      ].join("\n"),
    );
  });

  it("puts the values below their labels when there is no room beside them", () => {
    const text = render(20, [[1, "Waingro", "x", "", "heat-fr:1"]]);
    expect(text).toBe(
      ["seq:", "  1", "victim:", "  Waingro", "killed by:", "  x", "sources:", "  heat-fr:1"].join(
        "\n",
      ),
    );
  });

  it("fits 120 columns, keeping the line breaks a cell asks for", () => {
    const text = render(120, [
      [25, "Waingro", "McCauley's crew (group)\nreaches: Trejo", "x", "y"],
    ]);
    expect(widestLine(text)).toBeLessThanOrEqual(120);
    expect(text).toContain("│ McCauley's crew (group) │");
    expect(text).toContain("│ reaches: Trejo          │");
  });

  it("measures accents and wide characters by the columns they take", () => {
    const text = render(
      40,
      [[1, "Zoë Ångström-Müller", "陳家樺", "e\u0301clair", "-"]],
      head.slice(0, 5),
    );
    expect(widestLine(text)).toBeLessThanOrEqual(40);
    const table = render(80, [[1, "Zoë Ångström-Müller", "陳家樺", "e\u0301clair", "-"]]);
    // Every line of the table is exactly as wide as the border: the cells line up.
    const widths = new Set(lines(table).map((l) => stringWidth(l)));
    expect(widths.size).toBe(1);
    expect(table).toContain("Zoë Ångström-Müller");
    expect(table).toContain("│ 陳家樺 ");
  });

  it("cuts a word only when it is longer than LONG_WORD, and still fits", () => {
    const long = "Pneumonoultramicroscopicsilicovolcanoconiosis";
    const text = render(80, [
      [7, "Waingro", long, "Shoots him in his hotel room, using a fire alarm.", "x"],
    ]);
    expect(widestLine(text)).toBeLessThanOrEqual(80);
    expect(text).not.toContain(long);
    // The column's lines, read top to bottom, give the word back whole.
    const column = lines(text).map((l) => (l.split("│")[3] ?? "").trim());
    expect(column.join("")).toContain(long);
    expect(text).toContain("Waingro");
  });

  it("cuts a long word after punctuation where it can", () => {
    const text = render(
      80,
      [
        ["City on Fire", "import/films/city-on-fire.yaml", 30, 35, 10, 5],
        ["Heat", "import/films/heat.yaml", 38, 42, 11, 9],
      ],
      ["film", "file", "characters", "events", "killings", "betrayals"],
    );
    expect(widestLine(text)).toBeLessThanOrEqual(80);
    expect(text).toContain("│ import/films/city-on- │");
    expect(text).toContain("│ fire.yaml             │");
  });

  it("renders an empty table as its head", () => {
    expect(render(80, [])).toBe(
      [
        "┌─────┬────────┬───────────┬─────┬─────────┐",
        "│ seq │ victim │ killed by │ how │ sources │",
        "└─────┴────────┴───────────┴─────┴─────────┘",
      ].join("\n"),
    );
  });
});

describe("renderTable on any table (property)", () => {
  const word = fc.oneof(
    fc.stringMatching(/^[a-z]{1,12}$/),
    fc.constantFrom("Zoë", "Ångström", "Müller", "陳家樺", "e\u0301clair", "heat-fr:18,", "—"),
    fc.stringMatching(/^[A-Za-z]{21,60}$/),
  );
  const cell = fc.array(word, { maxLength: 12 }).map((words) => words.join(" "));
  const table = fc.integer({ min: 1, max: 7 }).chain((columns) =>
    fc.record({
      head: fc.array(fc.stringMatching(/^[a-z]{1,10}( [a-z]{1,8})?$/), {
        minLength: columns,
        maxLength: columns,
      }),
      rows: fc.array(fc.array(cell, { minLength: columns, maxLength: columns }), { maxLength: 5 }),
      width: fc.integer({ min: 10, max: 220 }),
    }),
  );

  it("never prints a line wider than the width, and cuts no word of LONG_WORD or less", () => {
    fc.assert(
      fc.property(table, ({ head: columns, rows: body, width }) => {
        const text = render(width, body, columns);
        expect(widestLine(text)).toBeLessThanOrEqual(width);
        const printed = new Set(text.split(/[\s│]+/));
        for (const w of body.flat().flatMap((c) => c.split(" "))) {
          // Printed in NFC, as terminals show both forms alike.
          if (w && stringWidth(w) <= Math.min(LONG_WORD, width - 4))
            expect(printed).toContain(w.normalize());
        }
      }),
      // Fewer than the default 100: each case wraps every cell several times, and the machine
      // the tests run on may be busy.
      { numRuns: 50 },
    );
  });
});

describe("columnWidths", () => {
  it("is null when the longest words cannot fit side by side", () => {
    expect(columnWidths([["aaaaaaaaaa"], ["bbbbbbbbbb"]], 19)).toBeNull();
    expect(columnWidths([["aaaaaaaaaa"], ["bbbbbbbbbb"]], 20)).toEqual([10, 10]);
  });
});

describe("outputWidth", () => {
  it("takes the terminal's width, else COLUMNS, else the fixed piped width", () => {
    expect(outputWidth({ COLUMNS: "100" }, { isTTY: true, columns: 132 })).toBe(132);
    expect(outputWidth({ COLUMNS: "100" }, { isTTY: false })).toBe(100);
    expect(outputWidth({}, { isTTY: false })).toBe(PIPED_WIDTH);
    expect(outputWidth({ COLUMNS: "wide" }, {})).toBe(PIPED_WIDTH);
    expect(outputWidth({ COLUMNS: "0" }, {})).toBe(PIPED_WIDTH);
  });
});

describe("makeTable", () => {
  it("collects rows and renders them like renderTable", () => {
    const table = makeTable(head, { width: 80, color: false });
    table.push(...rows);
    expect(table.toString()).toBe(render(80));
  });
});
