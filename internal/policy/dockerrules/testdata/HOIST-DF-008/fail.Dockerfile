FROM node:22-bookworm-slim
# want: HOIST-DF-008
ENTRYPOINT node server.js
# want: HOIST-DF-008
CMD npm start
