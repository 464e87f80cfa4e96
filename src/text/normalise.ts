// Names are looked up ignoring case, accents, quotes and extra spaces:
// "Chéritto", "CHERITTO" and " cheritto " are one key.
export function normaliseName(name: string): string {
  return name
    .normalize("NFD")
    .replace(/\p{Diacritic}/gu, "")
    .toLowerCase()
    .replace(/["'“”„«»‘’]/g, "")
    .replace(/\s+/g, " ")
    .trim();
}
