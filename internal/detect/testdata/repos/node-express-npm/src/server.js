const express = require("express");
const { Pool } = require("pg");
const { createClient } = require("redis");

const { SESSION_SECRET, LOG_LEVEL = "info", API_TOKEN: token } = process.env;

const pool = new Pool({ connectionString: process.env.DATABASE_URL });
const cache = createClient({ url: process.env["REDIS_URL"] });

const app = express();
app.get("/healthz", (_req, res) => res.send("ok"));

const PORT = process.env.PORT || 8080;
app.listen(PORT, () => console.log(`listening on ${PORT}`, LOG_LEVEL, !!SESSION_SECRET, !!token));
