export const version = process.env.SHARED_VERSION;
