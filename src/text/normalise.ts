// Names are looked up ignoring case, accents, quotes and extra spaces:
// "Chéritto", "CHERITTO" and " cheritto " are one key. A missing name (a node deleted while
// it was read) is the empty key, never a crash.
export function normaliseName(name: string | null | undefined): string {
  if (typeof name !== "string") return "";
  return name
    .normalize("NFD")
    .replace(/\p{Diacritic}/gu, "")
    .toLowerCase()
    .replace(/["'“”„«»‘’]/g, "")
    .replace(/\s+/g, " ")
    .trim();
}
