import { weightedPicker, type Random } from '../random';

/**
 * Customer markets (ISO 3166-1 alpha-2) with relative weights: the ten large markets the issue names, in that
 * order, then a long tail. The name style says which customer-name generator fits the market.
 */
export type NameStyle =
  | 'english'
  | 'german'
  | 'french'
  | 'spanish'
  | 'portuguese'
  | 'dutch'
  | 'nordic'
  | 'slavicLatin'
  | 'turkish'
  | 'japanese'
  | 'chinese'
  | 'korean'
  | 'greek'
  | 'cyrillic'
  | 'arabic'
  | 'hebrew'
  | 'thai'
  | 'indian'
  | 'italian';

interface Market {
  code: string;
  weight: number;
  nameStyle: NameStyle;
}

export const MARKETS: readonly Market[] = [
  { code: 'US', weight: 30, nameStyle: 'english' },
  { code: 'GB', weight: 9, nameStyle: 'english' },
  { code: 'DE', weight: 7, nameStyle: 'german' },
  { code: 'FR', weight: 5.5, nameStyle: 'french' },
  { code: 'IN', weight: 5, nameStyle: 'indian' },
  { code: 'JP', weight: 4.5, nameStyle: 'japanese' },
  { code: 'AU', weight: 4, nameStyle: 'english' },
  { code: 'CA', weight: 3.8, nameStyle: 'english' },
  { code: 'BR', weight: 3.2, nameStyle: 'portuguese' },
  { code: 'NL', weight: 2.8, nameStyle: 'dutch' },
  { code: 'ES', weight: 1.6, nameStyle: 'spanish' },
  { code: 'IT', weight: 1.5, nameStyle: 'italian' },
  { code: 'MX', weight: 1.3, nameStyle: 'spanish' },
  { code: 'SE', weight: 1.1, nameStyle: 'nordic' },
  { code: 'CH', weight: 1.0, nameStyle: 'german' },
  { code: 'SG', weight: 1.0, nameStyle: 'english' },
  { code: 'KR', weight: 0.9, nameStyle: 'korean' },
  { code: 'PL', weight: 0.9, nameStyle: 'slavicLatin' },
  { code: 'BE', weight: 0.8, nameStyle: 'french' },
  { code: 'IE', weight: 0.8, nameStyle: 'english' },
  { code: 'DK', weight: 0.7, nameStyle: 'nordic' },
  { code: 'NO', weight: 0.6, nameStyle: 'nordic' },
  { code: 'AT', weight: 0.6, nameStyle: 'german' },
  { code: 'FI', weight: 0.5, nameStyle: 'nordic' },
  { code: 'NZ', weight: 0.5, nameStyle: 'english' },
  { code: 'ZA', weight: 0.5, nameStyle: 'english' },
  { code: 'AE', weight: 0.5, nameStyle: 'arabic' },
  { code: 'SA', weight: 0.4, nameStyle: 'arabic' },
  { code: 'IL', weight: 0.4, nameStyle: 'hebrew' },
  { code: 'TW', weight: 0.4, nameStyle: 'chinese' },
  { code: 'HK', weight: 0.4, nameStyle: 'chinese' },
  { code: 'CN', weight: 0.4, nameStyle: 'chinese' },
  { code: 'TR', weight: 0.35, nameStyle: 'turkish' },
  { code: 'PT', weight: 0.35, nameStyle: 'portuguese' },
  { code: 'CZ', weight: 0.3, nameStyle: 'slavicLatin' },
  { code: 'GR', weight: 0.3, nameStyle: 'greek' },
  { code: 'AR', weight: 0.3, nameStyle: 'spanish' },
  { code: 'CO', weight: 0.25, nameStyle: 'spanish' },
  { code: 'CL', weight: 0.25, nameStyle: 'spanish' },
  { code: 'TH', weight: 0.2, nameStyle: 'thai' },
  { code: 'EG', weight: 0.2, nameStyle: 'arabic' },
  { code: 'UA', weight: 0.2, nameStyle: 'cyrillic' },
  { code: 'KZ', weight: 0.1, nameStyle: 'cyrillic' },
];

const nameStyles: ReadonlyMap<string, NameStyle> = new Map(
  MARKETS.map((m) => [m.code, m.nameStyle]),
);

export function nameStyleOf(market: string): NameStyle {
  return nameStyles.get(market) ?? 'english';
}

export const pickCustomerMarket = weightedPicker(MARKETS.map((m) => [m.code, m.weight] as const));

/** Where partners that serve other markets tend to sit: regional hubs and large partner ecosystems. */
const pickHubMarket = weightedPicker([
  ['US', 10],
  ['GB', 4],
  ['IN', 4],
  ['IE', 2],
  ['DE', 2],
  ['SG', 2],
  ['NL', 1.5],
  ['AE', 1],
  ['FR', 1],
  ['AU', 1],
] as const);

/** The partner is usually in the customer's market; sometimes it serves it from a hub elsewhere. */
export function pickPartnerMarket(random: Random, customerMarket: string): string {
  if (random.chance(0.86)) return customerMarket;
  return pickHubMarket(random);
}
