const express = require("express");
const { Queue } = require("bullmq");

const queue = new Queue("mail", { connection: { url: process.env.REDIS_URL } });
const app = express();
app.post("/send", async (_req, res) => {
  await queue.add("send", {});
  res.sendStatus(202);
});
app.listen(3000);
