import postgres from 'postgres';

const sql = postgres(process.env.DATABASE_URL);

export async function load() {
	return { products: await sql`select * from products` };
}
