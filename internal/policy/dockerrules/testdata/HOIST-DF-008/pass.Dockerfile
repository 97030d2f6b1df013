FROM node:22-bookworm-slim
ENTRYPOINT ["node"]
CMD ["server.js"]
