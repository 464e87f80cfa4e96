// What the local Neo4j is made of, fetched from Maven Central by pom.xml beside this file.
export const NEO4J_VERSION = "5.26.19";
export const APOC_VERSION = "5.26.19";
// Neo4j Browser is released on its own schedule; 5.24.0 is the newest on Maven Central.
export const BROWSER_VERSION = "5.24.0";
/** Java versions Neo4j 5.26 supports. */
export const SUPPORTED_JAVA = [17, 21] as const;
