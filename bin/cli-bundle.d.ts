// Types of bin/cli-bundle.js (plain JavaScript: it runs before any TypeScript loader).
export const DIST: string;
export const MANIFEST: string;
/** The bundle's entry as a file URL, if dist/ holds a bundle newer than all its inputs. */
export function freshCli(): string | null;
