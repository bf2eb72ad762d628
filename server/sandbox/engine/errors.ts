/** Partner Center's error body (../shared/api/referrals-api.md, "Errors"). */
export interface PartnerCenterError {
  code: number;
  description: string;
  data: unknown[];
  source: 'PartnerFD';
}

/** The code Partner Center sends with a bad request. */
export const BAD_REQUEST_CODE = 3000;

export function partnerCenterError(
  description: string,
  code = BAD_REQUEST_CODE,
): PartnerCenterError {
  return { code, description, data: [], source: 'PartnerFD' };
}
