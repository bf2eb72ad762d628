/** Addresses of the signed-in pages that links name (the router declares them all, router.tsx). */
export const RESPONSE_TIMES_PATH = '/response-times';
