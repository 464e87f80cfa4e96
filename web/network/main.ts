// Placeholder until the interactive page lands: shows the films the API knows.
const response = await fetch("/graphql", {
  method: "POST",
  headers: { "content-type": "application/json" },
  body: JSON.stringify({ query: "{ films { id title } }" }),
});
const { data } = (await response.json()) as { data: { films: { id: string; title: string }[] } };
const app = document.getElementById("app");
if (app) app.textContent = `Films: ${data.films.map((f) => f.title).join(", ")}`;
