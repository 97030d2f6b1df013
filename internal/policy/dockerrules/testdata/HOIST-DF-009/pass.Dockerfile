FROM node:22-bookworm-slim AS build
CMD ["node", "a.js"]
FROM build
CMD ["node", "b.js"]
ENTRYPOINT ["tini", "--"]
