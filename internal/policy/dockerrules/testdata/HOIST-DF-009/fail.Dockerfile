FROM node:22-bookworm-slim AS build
CMD ["node", "a.js"]
# want: HOIST-DF-009
CMD ["node", "b.js"]
FROM build
ENTRYPOINT ["tini", "--"]
HEALTHCHECK CMD ["true"]
# want: HOIST-DF-009
HEALTHCHECK NONE
