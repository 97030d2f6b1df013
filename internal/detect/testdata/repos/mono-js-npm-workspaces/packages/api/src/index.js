const express = require("express");
const db = require("@acme/db");

const app = express();
app.get("/users", async (_req, res) => res.json(await db.users()));
app.listen(process.env.PORT ?? 4000);
