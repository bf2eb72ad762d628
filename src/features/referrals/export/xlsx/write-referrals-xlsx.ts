// Writes the workbook. Loaded only inside the export worker (or, without workers, when an Excel
// export starts), so the library never reaches the dashboard's JavaScript.
import writeXlsxFile from 'write-excel-file/universal';
import type { Referral, ReferralField } from '../../../../lib/referrals/schema';
import { referralsSheet, XLSX_DATE_FORMAT } from './referrals-sheet';

export const XLSX_MIME_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export async function writeReferralsXlsx(
  rows: readonly Referral[],
  fields: readonly ReferralField[],
): Promise<Blob> {
  const { data, widths } = referralsSheet(rows, fields);
  const blob = await writeXlsxFile(data, {
    sheet: 'Referrals',
    dateFormat: XLSX_DATE_FORMAT,
    stickyRowsCount: 1,
    columns: widths.map((width) => ({ width })),
  }).toBlob();
  // Typed, so a browser saving it knows what it is.
  return new Blob([blob], { type: XLSX_MIME_TYPE });
}
