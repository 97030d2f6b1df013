import { createRoot } from 'react-dom/client'

const api = import.meta.env.VITE_API_URL
if (import.meta.env.MODE === 'development') console.log(api)
createRoot(document.getElementById('root')!).render(<p>{api}</p>)
