const express = require("express");
const { Pool } = require("pg");
const Redis = require("ioredis");

const pool = new Pool({ connectionString: process.env.DATABASE_URL });
const redis = new Redis(process.env.REDIS_URL);
const app = express();
app.use(express.json());

app.get("/", (_req, res) => res.json({ ok: true }));

app.get("/todos", async (_req, res) => {
  const cached = await redis.get("todos");
  if (cached) return res.type("json").send(cached);
  const { rows } = await pool.query("select id, title, done from todos order by id");
  await redis.set("todos", JSON.stringify(rows), "EX", 30);
  res.json(rows);
});

app.post("/todos", async (req, res) => {
  const { rows } = await pool.query("insert into todos (title) values ($1) returning *", [req.body.title]);
  await redis.del("todos");
  res.status(201).json(rows[0]);
});

const port = process.env.PORT || 3000;
app.listen(port, () => console.log(`listening on ${port} (${process.env.LOG_LEVEL || "info"})`));
