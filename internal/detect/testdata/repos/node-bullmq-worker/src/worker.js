const { Worker } = require("bullmq");

new Worker("mail", async () => {}, {
  connection: { url: process.env.REDIS_URL },
  concurrency: Number(process.env.MAIL_CONCURRENCY),
});
