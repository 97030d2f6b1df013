export async function loader() {
  return { api: process.env.METRICS_API_URL };
}
