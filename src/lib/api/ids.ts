/** A fresh GUID for `MS-RequestId` / `MS-CorrelationId`. */
export function newGuid(): string {
  return crypto.randomUUID();
}
