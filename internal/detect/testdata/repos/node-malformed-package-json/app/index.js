const Koa = require("koa");

const app = new Koa();
app.use((ctx) => { ctx.body = process.env.STATUS_MESSAGE; });
app.listen(Number(process.env.PORT) || 7000);
