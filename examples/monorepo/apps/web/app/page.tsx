export default function Page() {
  return <main>Shop ({process.env.NEXT_PUBLIC_API_URL})</main>;
}
