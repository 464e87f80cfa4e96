import { describe, expect, it } from "vitest";
import { fieldsWithoutExamples, jsonSchemas } from "./json-schema.ts";

describe("the JSON Schemas editors use", () => {
  const schemas = jsonSchemas();

  it.each(Object.keys(schemas))("%s: every field carries an example", (name) => {
    expect(fieldsWithoutExamples(schemas[name] as string)).toEqual([]);
  });

  it("names the allowed words: closed lists as enums, open ones as the built-in words", () => {
    const film = JSON.parse(schemas["film.schema.json"] as string);
    const character = film.properties.characters.items.properties;
    expect(character.fate.enum).toContain("killed-or-wounded");
    expect(character.role.examples).toContain("undercover-officer");
    expect(film.properties.acts.items.properties.type.examples).toContain("BETRAYED");
    expect(
      film.properties.events.items.properties.participants.items.properties.role.examples,
    ).toEqual(["leads the robbery"]);
    expect(film.properties.vocabulary.properties.acts.items.properties.countsAs.enum).toContain(
      "KILLED",
    );
  });
});
