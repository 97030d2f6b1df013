import Fastify from "fastify";
import mongoose from "mongoose";

const fastify = Fastify({ logger: true });
await mongoose.connect(process.env.MONGODB_URI);

fastify.get("/items", async () => ({ items: [] }));

await fastify.listen({ port: 3001, host: "0.0.0.0" });
