// Route modules loaded on demand. Named once so main.tsx can start fetching the dashboard while
// the signed-in shell's own chunk is still loading, rather than one after the other.
export const loadDashboardPage = () => import('../features/dashboard/DashboardPage');
