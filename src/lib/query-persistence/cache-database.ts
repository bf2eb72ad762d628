/** The IndexedDB database holding kept query answers; also named by the e2e tests and benches that read or empty it. */
export const CACHE_DATABASE = 'referral-lens-cache';
