import { createRoot } from "react-dom/client";

createRoot(document.getElementById("root")).render(<a href={import.meta.env.VITE_API_URL}>api</a>);
