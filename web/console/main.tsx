// The query console: GraphiQL 3 over heistgraph's GraphQL API (/graphql), bundled with the
// page by esbuild (src/web/bundle.ts), so it loads nothing from the internet. Written with
// createElement rather than JSX so the project's TypeScript settings need no JSX option.
import { GraphiQL } from "graphiql";
import "graphiql/graphiql.css";
import { createElement, type ComponentProps } from "react";
import { createRoot } from "react-dom/client";

/** The GraphQL endpoint, next to this page (/console/ -> /graphql). */
const GRAPHQL_URL = new URL("../graphql", window.location.href).toString();

const DEFAULT_QUERY = `# Death by whom: who killed Waingro, who killed his
# killer, and so on, until someone nobody killed
# (endsWith: survivor) or a group (endsWith: group).
# Run it with the play button or Ctrl+Enter; the
# schema is in the Docs panel on the left.
query DeathByWhom($name: String!) {
  characters(where: { name: { eq: $name } }) {
    name
    fate
    deathByWhom {
      endsWith
      steps {
        victim
        killer
        event
        seq
        how
        sources
      }
    }
  }
}
`;

const DEFAULT_VARIABLES = `{ "name": "Waingro" }\n`;

/** A plain POST of the operation: the API serves queries only, over HTTP, no subscriptions. */
const fetcher: ComponentProps<typeof GraphiQL>["fetcher"] = async (params) => {
  const response = await fetch(GRAPHQL_URL, {
    method: "POST",
    headers: { "Content-Type": "application/json", Accept: "application/json" },
    body: JSON.stringify(params),
  });
  return response.json();
};

/**
 * True on the first visit: GraphiQL keeps the user's tabs in localStorage, and the default
 * query and variables only fill an empty console. (GraphiQL 3.8 puts `defaultTabs`' variables
 * in the tab but not in the editor, so the variables go in through the `variables` prop.)
 */
const firstVisit = window.localStorage.getItem("graphiql:tabState") === null;

const root = document.getElementById("console");
if (root) {
  root.textContent = "";
  createRoot(root).render(
    createElement(GraphiQL, {
      fetcher,
      defaultQuery: DEFAULT_QUERY,
      ...(firstVisit ? { variables: DEFAULT_VARIABLES } : {}),
      defaultEditorToolsVisibility: "variables",
      isHeadersEditorEnabled: false,
    }),
  );
}
