import { createApp } from 'vue'

createApp({ template: `<p>${import.meta.env.VITE_KIOSK_ID}</p>` }).mount('#app')
