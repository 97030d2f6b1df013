export default function Page() {
  return <h1>{process.env.NEXT_PUBLIC_DOCS_VERSION}</h1>;
}
