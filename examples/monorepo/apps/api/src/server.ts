import Fastify from "fastify";

const app = Fastify({ logger: true });
app.get("/", async () => ({ ok: true, queue: process.env.ORDERS_QUEUE_URL }));
await app.listen({ host: "0.0.0.0", port: Number(process.env.PORT ?? 4000) });
