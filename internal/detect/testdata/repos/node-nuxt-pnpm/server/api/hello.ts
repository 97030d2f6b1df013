export default defineEventHandler(() => {
  return { secret: !!process.env.NUXT_API_SECRET }
})
