FROM node:20-bookworm-slim
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run build && npm prune --omit=dev
ENV PORT=4000 DATA_DIR=/app/data
EXPOSE 4000
CMD ["node", "dist/server/main.js"]
