export async function loader() {
  return { cms: process.env.CMS_URL };
}
