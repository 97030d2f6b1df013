import { Button } from "@repo/ui";

export default function Page() {
  return <Button href={process.env.NEXT_PUBLIC_API_URL}>Shop</Button>;
}
