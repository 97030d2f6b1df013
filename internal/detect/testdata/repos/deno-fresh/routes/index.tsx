export default function Home() {
  const greeting = Deno.env.get("GREETING");
  return <h1>{greeting}</h1>;
}
