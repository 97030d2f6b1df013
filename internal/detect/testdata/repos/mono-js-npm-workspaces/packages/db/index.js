const { Pool } = require("pg");

const pool = new Pool({ connectionString: process.env.DATABASE_URL });
exports.users = async () => (await pool.query("select * from users")).rows;
