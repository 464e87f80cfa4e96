# The heistgraph API and page, for `docker compose up` (see docker-compose.yml). The base is
# pulled from a registry unless NODE_IMAGE (HEISTGRAPH_NODE_IMAGE in docker-compose.yml) names
# a Node 20 image with npm that the engine already has.
ARG NODE_IMAGE=node:20-bookworm-slim
FROM ${NODE_IMAGE}
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
ENV HOST=0.0.0.0 PORT=4000
EXPOSE 4000
# `start` imports the films when the graph lacks them, then serves the API and the page.
CMD ["node", "bin/heistgraph.js", "start"]
