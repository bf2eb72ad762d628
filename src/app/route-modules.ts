// Chunks loaded on demand. Named once so main.tsx can start fetching them as soon as it knows
// someone is signed in, in parallel rather than one after the other. Never called on the
// signed-out landing page, so its visitors download none of this code.
export const loadSignedInShell = () => import('./SignedInShell');
export const loadDashboardPage = () => import('../features/dashboard/DashboardPage');
