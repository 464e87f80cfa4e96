import { describe, expect, it } from "vitest";
import type { Film } from "./page-queries.ts";
import { filmInAddress, firstFilm, newestFirst } from "./film-choice.ts";

const films: Film[] = [
  { id: "heat", title: "Heat", year: 1995, director: "Michael Mann" },
  { id: "city-on-fire", title: "City on Fire", year: 1987, director: "Ringo Lam" },
  { id: "untold", title: "An Untold Story", year: null, director: null },
];

describe("the film the page shows first", () => {
  it("lists films newest first, films without a year last", () => {
    expect(newestFirst(films).map((f) => f.id)).toEqual(["heat", "city-on-fire", "untold"]);
  });

  it("reads the address: a film, all films, or none", () => {
    expect(filmInAddress("#film=city-on-fire&show=BETRAYED")).toBe("city-on-fire");
    expect(filmInAddress("#film=all")).toBeNull();
    expect(filmInAddress("#show=BETRAYED")).toBeUndefined();
    expect(filmInAddress("")).toBeUndefined();
  });

  it("shows the film named, all films, or else the newest; an unknown film is told", () => {
    expect(firstFilm(films, "city-on-fire")).toEqual({ film: "city-on-fire", unknown: null });
    expect(firstFilm(films, null)).toEqual({ film: null, unknown: null });
    expect(firstFilm(films, undefined)).toEqual({ film: "heat", unknown: null });
    expect(firstFilm(films, "no-such-film")).toEqual({ film: "heat", unknown: "no-such-film" });
    expect(firstFilm([], undefined)).toEqual({ film: null, unknown: null });
  });
});
