# The heistgraph API and page, for `docker compose up` (see docker-compose.yml).
FROM node:20-bookworm-slim
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
ENV HOST=0.0.0.0 PORT=4000
EXPOSE 4000
# `start` imports the films when the graph lacks them, then serves the API and the page.
CMD ["node", "bin/heistgraph.js", "start"]
