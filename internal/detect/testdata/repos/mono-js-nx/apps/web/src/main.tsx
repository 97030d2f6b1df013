import { createRoot } from 'react-dom/client';

createRoot(document.getElementById('root')!).render(<p>{import.meta.env.VITE_FLEET_API}</p>);
