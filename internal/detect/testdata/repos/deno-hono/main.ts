import { Hono } from "hono";
import { Client } from "postgres";

const db = new Client(Deno.env.get("DATABASE_URL"));
const app = new Hono();
app.get("/", (c) => c.text("links"));

Deno.serve({ port: 8080 }, app.fetch);
