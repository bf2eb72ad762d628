/** The User Timing measure the table records from a page's rows arriving to their first paint. */
export const TABLE_PAINT_MEASURE = 'referrals-table:data-to-paint';
