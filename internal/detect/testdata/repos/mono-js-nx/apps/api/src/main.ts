import express from 'express';
import { Pool } from 'pg';

const pool = new Pool({ connectionString: process.env.DATABASE_URL });
const app = express();
const port = process.env.PORT || 3333;
app.listen(port, () => console.log(`Listening at http://localhost:${port}/api`));
