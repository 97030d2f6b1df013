export default async function Home() {
  const res = await fetch(`${process.env.CATALOG_API_URL}/items`);
  const items = await res.json();
  return <main data-site={process.env.NEXT_PUBLIC_SITE_NAME}>{items.length} items</main>;
}
