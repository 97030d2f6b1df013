const http = require("node:http");

const server = http.createServer((req, res) => {
  res.end(`hello from ${process.env.REGION}`);
});

server.listen(process.env.PORT || 5000);
