// Answers as UTF-8 bytes. A 10,000-row page is about 4 MB of JSON, and stringifying it then encoding it took most of
// a page's time. Dataset rows never change, so each row is encoded once, when first sent (row-bytes.ts), and a page
// is a copy of those bytes into a reused output buffer (a fresh 4 MB buffer costs more in page faults than the copy).
// Grouped rows are new objects every time and go through JSON.stringify.
import { RowBytes } from './row-bytes';

const COMMA = 0x2c;
/** Stands in for the rows while the rest of the envelope is stringified; no JSON value can contain it. */
const PLACEHOLDER = '\u0000rows\u0000';
const PLACEHOLDER_JSON = JSON.stringify(PLACEHOLDER);
/** Output buffers kept for reuse, and the largest kept: one per answer being written at once, 10,000 rows each. */
const POOLED_BUFFERS = 2;
const MAX_POOLED_BYTES = 16 * 1024 * 1024;

export interface EncodedBody {
  bytes: Buffer;
  /** Call once the bytes have been written (the response finished); they may then be overwritten. */
  release(): void;
}

function ungroupedRows(body: unknown): readonly object[] | undefined {
  if (
    typeof body !== 'object' ||
    body === null ||
    !('Value' in body) ||
    !Array.isArray(body.Value)
  ) {
    return undefined;
  }
  const first: unknown = body.Value[0];
  // A grouped row carries its count; its object is made for this answer alone, so caching it would be waste.
  if (typeof first !== 'object' || first === null || 'referralCount' in first) return undefined;
  return body.Value as object[];
}

const unpooled = (bytes: Buffer): EncodedBody => ({ bytes, release: () => {} });

/** Rows encoded per turn of the event loop while warming: a few milliseconds, so no request waits on it. */
const WARM_SLICE_ROWS = 500;

export interface BodySerializer {
  (body: unknown): EncodedBody;
  /**
   * Encodes `rows` in the background, a slice per turn of the event loop, so that even the first request for a
   * page finds its rows encoded (the first encoding of a 10,000-row page costs several times a later copy).
   */
  warm(rows: readonly object[]): void;
  /** Stops warming. */
  dispose(): void;
}

export function createBodySerializer(): BodySerializer {
  const rowBytes = new RowBytes();
  let warming: NodeJS.Immediate | undefined;
  const free: Buffer[] = [];
  const outputBuffer = (size: number): { buffer: Buffer; pooled: boolean } => {
    if (size > MAX_POOLED_BYTES) return { buffer: Buffer.allocUnsafeSlow(size), pooled: false };
    const index = free.findIndex((buffer) => buffer.length >= size);
    if (index >= 0) return { buffer: free.splice(index, 1)[0] as Buffer, pooled: true };
    // Room to grow, so the next, slightly larger page fits the same buffer.
    const capacity = Math.min(MAX_POOLED_BYTES, Math.max(size, Math.ceil(size * 1.25)));
    return { buffer: Buffer.allocUnsafeSlow(capacity), pooled: true };
  };

  const serialize = (body: unknown): EncodedBody => {
    const rows = ungroupedRows(body);
    if (rows === undefined) return unpooled(Buffer.from(JSON.stringify(body), 'utf8'));
    const envelope = JSON.stringify({ ...(body as object), Value: PLACEHOLDER });
    const at = envelope.indexOf(PLACEHOLDER_JSON);
    const head = Buffer.from(`${envelope.slice(0, at)}[`, 'utf8');
    const tail = Buffer.from(`]${envelope.slice(at + PLACEHOLDER_JSON.length)}`, 'utf8');
    let size = head.length + tail.length + Math.max(0, rows.length - 1);
    for (const row of rows) size += rowBytes.length(row);

    const { buffer, pooled } = outputBuffer(size);
    let offset = head.copy(buffer, 0);
    rows.forEach((row, index) => {
      if (index > 0) buffer[offset++] = COMMA;
      offset += rowBytes.copy(row, buffer, offset);
    });
    tail.copy(buffer, offset);
    const bytes = buffer.subarray(0, size);
    if (!pooled) return unpooled(bytes);
    let released = false;
    return {
      bytes,
      release: () => {
        if (released) return;
        released = true;
        if (free.length < POOLED_BUFFERS) free.push(buffer);
      },
    };
  };

  const warm = (rows: readonly object[], from = 0): void => {
    const end = Math.min(rows.length, from + WARM_SLICE_ROWS);
    for (let index = from; index < end; index++) rowBytes.length(rows[index] as object);
    warming = end < rows.length ? setImmediate(warm, rows, end) : undefined;
  };

  return Object.assign(serialize, {
    warm: (rows: readonly object[]) => {
      if (warming) clearImmediate(warming);
      warming = setImmediate(warm, rows, 0);
    },
    dispose: () => {
      if (warming) clearImmediate(warming);
      warming = undefined;
    },
  });
}
