import { Hono } from 'hono'
import Redis from 'ioredis'

const redis = new Redis(Bun.env.REDIS_URL!)
const app = new Hono()

app.get('/', (c) => c.text(`hello ${process.env.GREETING ?? 'world'}`))

export default {
  port: 8787,
  fetch: app.fetch,
}
