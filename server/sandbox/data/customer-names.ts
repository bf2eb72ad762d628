import type { Random } from '../random';
import type { NameStyle } from './markets';

/**
 * Customer names are untrusted free text in the real API. The generator makes them look like the real thing in
 * each market (apostrophes, accents, non-Latin scripts, right-to-left text) so every screen is exercised with them.
 */

interface NamePattern {
  cores: readonly string[];
  /** Words that can precede or follow a core, e.g. a trade. */
  trades: readonly string[];
  /** Legal-form suffixes or prefixes. */
  forms: readonly string[];
  /** Builds a name from one core, one trade and one form. */
  build: (core: string, trade: string, form: string) => string;
}

const latin = (core: string, trade: string, form: string) =>
  form ? `${core} ${trade} ${form}` : `${core} ${trade}`;

const PATTERNS: Record<NameStyle, NamePattern> = {
  english: {
    cores: [
      'Contoso',
      'Fabrikam',
      'Northwind',
      'Tailspin',
      'Woodgrove',
      'Litware',
      'Proseware',
      'Wingtip',
      'Adventure Works',
      'Alpine Ski House',
      'Coho',
      'Fourth Coffee',
      'Lamna',
      'Trey Research',
      'Wide World',
      "Margie's",
      "O'Brien",
      "O'Connor",
      "D'Arcy",
      'McAllister',
      'Blue Yonder',
      'Graphic Design',
      'Humongous',
      'Lucerne',
      'Relecloud',
      'Southridge',
      'Tailwind',
      'VanArsdel',
      'Bellows',
      'Datum',
      'Dunn & Bradley',
      'Hargreaves',
      "St. Mary's",
      'Kingfisher',
      'Riverside',
      'Summit',
      'Harbour',
    ],
    trades: [
      'Logistics',
      'Health',
      'Consulting',
      'Manufacturing',
      'Insurance',
      'Foods',
      'Energy',
      'Legal',
      'Travel',
      'Retail',
      'Engineering',
      'Analytics',
      'Clinics',
      'Airlines',
      'Bank',
      'Motors',
      'Media',
    ],
    forms: ['Ltd', 'LLC', 'Inc.', 'Group', 'Holdings', 'Corp.', 'PLC', 'Pty Ltd', ''],
    build: latin,
  },
  indian: {
    cores: [
      'Bharat',
      'Sharma',
      'Iyer',
      'Reddy',
      'Mehta',
      'Kapoor',
      'Lakshmi',
      'Ganga',
      'Sahyadri',
      'Tata Nagar',
      'भारत',
      'गंगा',
      'श्री लक्ष्मी',
    ],
    trades: ['Infotech', 'Textiles', 'Pharma', 'Motors', 'Logistics', 'Steel', 'Software', 'Foods'],
    forms: ['Pvt Ltd', 'Ltd', 'LLP', ''],
    build: latin,
  },
  german: {
    cores: [
      'Müller',
      'Schröder',
      'Weiß',
      'Groß',
      'Bäcker',
      'Köhler',
      'Hößl',
      'Fuchs',
      'Jäger',
      'Lindenhof',
      'Rheinland',
      'Nürnberger',
      'Zürcher',
      'Grüner',
    ],
    trades: [
      'Maschinenbau',
      'Logistik',
      'Versicherung',
      'Brauerei',
      'Immobilien',
      'Software',
      'Bäckerei',
    ],
    forms: ['GmbH', 'AG', 'GmbH & Co. KG', 'e.K.'],
    build: (core, trade, form) => `${core} ${trade} ${form}`,
  },
  french: {
    cores: [
      "L'Étoile",
      'Lefèvre',
      'Crème',
      'Hélène',
      "D'Artagnan",
      'Côte',
      'Bénédicte',
      'Garçon',
      'Noël',
      'Châteauneuf',
      "Société d'Études",
      'Renée',
    ],
    trades: [
      'Conseil',
      'Boulangerie',
      'Transports',
      'Assurances',
      'Informatique',
      'Santé',
      'Énergie',
    ],
    forms: ['SARL', 'SAS', 'S.A.', 'SRL'],
    build: (core, trade, form) => `${trade} ${core} ${form}`,
  },
  spanish: {
    cores: [
      'Peña',
      'Muñoz',
      'Núñez',
      'Ibáñez',
      'Castaño',
      'Begoña',
      'La Niña',
      'Andalucía',
      'Íñigo',
    ],
    trades: [
      'Compañía',
      'Distribuciones',
      'Construcciones',
      'Tecnología',
      'Alimentación',
      'Seguros',
    ],
    forms: ['S.A.', 'S.L.', 'S.A. de C.V.', 'S.A.S.'],
    build: (core, trade, form) => `${trade} ${core} ${form}`,
  },
  portuguese: {
    cores: ['Conceição', 'São João', 'Gonçalves', 'Araújo', 'Pão de Açúcar', 'Brandão', 'Assunção'],
    trades: ['Comércio', 'Serviços', 'Transportes', 'Tecnologia', 'Alimentos', 'Saúde'],
    forms: ['Ltda.', 'S.A.', 'Lda.', 'ME'],
    build: (core, trade, form) => `${trade} ${core} ${form}`,
  },
  italian: {
    cores: ['Caffè Nero', 'Città', 'Niccolò', 'Perché', 'Forlì', 'Sant’Angelo', 'Galilei', 'Cantù'],
    trades: ['Costruzioni', 'Trasporti', 'Assicurazioni', 'Informatica', 'Alimentari'],
    forms: ['S.p.A.', 'S.r.l.', 'S.n.c.'],
    build: (core, trade, form) => `${trade} ${core} ${form}`,
  },
  dutch: {
    cores: [
      "'s-Hertogenbosch",
      'van der Berg',
      'IJsselmeer',
      'de Vries',
      'Van Dijk',
      'Oranje',
      'Zeeuws',
    ],
    trades: ['Logistiek', 'Bouw', 'Advies', 'Techniek', 'Zorg', 'Handel'],
    forms: ['B.V.', 'N.V.', 'V.O.F.'],
    build: latin,
  },
  nordic: {
    cores: [
      'Ångström',
      'Søren',
      'Ærø',
      'Östlund',
      'Fjällräven',
      'Bjørn',
      'Åhléns',
      'Häkkinen',
      'Øresund',
    ],
    trades: ['Bygg', 'Teknik', 'Konsult', 'Shipping', 'Energi', 'Data'],
    forms: ['AB', 'AS', 'A/S', 'Oy', 'ApS'],
    build: latin,
  },
  slavicLatin: {
    cores: ['Łódź', 'Wrocław', 'Dvořák', 'Škoda', 'Żabka', 'Kraków', 'Brněnská', 'Gdańsk'],
    trades: ['Systemy', 'Logistika', 'Budownictwo', 'Technologie', 'Software'],
    forms: ['Sp. z o.o.', 's.r.o.', 'S.A.', 'a.s.'],
    build: latin,
  },
  turkish: {
    cores: ['Şahin', 'Çelik', 'Gümüş', 'Yıldız', 'Öztürk', 'Ağaoğlu', 'İstanbul'],
    trades: ['Yazılım', 'Lojistik', 'İnşaat', 'Tekstil', 'Gıda'],
    forms: ['A.Ş.', 'Ltd. Şti.'],
    build: latin,
  },
  japanese: {
    cores: ['日本', '東京', '大阪', 'さくら', '富士', '北海道', 'みらい', '青空'],
    trades: ['テクノロジー', 'システム', '物流', '商事', 'ソリューションズ', '製作所', '電機'],
    forms: ['株式会社', '合同会社'],
    build: (core, trade, form) =>
      form === '株式会社' ? `${form}${core}${trade}` : `${core}${trade}${form}`,
  },
  chinese: {
    cores: ['北京', '上海', '深圳', '台北', '香港', '华东', '长城', '东方'],
    trades: ['云科技', '软件', '贸易', '物流', '电子', '数据'],
    forms: ['有限公司', '股份有限公司', '集团'],
    build: (core, trade, form) => `${core}${trade}${form}`,
  },
  korean: {
    cores: ['한국', '서울', '부산', '한빛', '미래', '대한'],
    trades: ['소프트', '물류', '전자', '테크', '솔루션'],
    forms: ['주식회사', '(주)'],
    build: (core, trade, form) => `${form} ${core}${trade}`,
  },
  greek: {
    cores: ['Ελληνικά', 'Αθήνα', 'Ολυμπία', 'Αιγαίο', 'Παρθενών', 'Θεσσαλονίκη'],
    trades: ['Συστήματα', 'Τεχνολογίες', 'Μεταφορές', 'Τρόφιμα', 'Λογισμικό'],
    forms: ['Α.Ε.', 'Ε.Π.Ε.', 'Ι.Κ.Ε.'],
    build: latin,
  },
  cyrillic: {
    cores: ['Кириллица', 'Сибирь', 'Восток', 'Днепр', 'Алтай', 'Заря', 'Степь'],
    trades: ['Софт', 'Логистик', 'Строй', 'Технологии', 'Энерго'],
    forms: ['ООО', 'АО', 'ТОВ'],
    build: (core, trade, form) => `${form} «${core} ${trade}»`,
  },
  arabic: {
    cores: ['العربية', 'الخليج', 'النيل', 'الرياض', 'دبي', 'الفجر', 'الأمل'],
    trades: ['للتقنية', 'للتجارة', 'للخدمات اللوجستية', 'للبرمجيات', 'للاستشارات'],
    forms: ['شركة', 'مؤسسة', 'مجموعة'],
    build: (core, trade, form) => `${form} ${core} ${trade}`,
  },
  hebrew: {
    cores: ['ירושלים', 'הגליל', 'כרמל', 'נגב', 'תבור'],
    trades: ['טכנולוגיות', 'מערכות', 'לוגיסטיקה', 'תוכנה'],
    forms: ['בע"מ'],
    build: (core, trade, form) => `${core} ${trade} ${form}`,
  },
  thai: {
    cores: ['สยาม', 'กรุงเทพ', 'เชียงใหม่', 'ทองคำ', 'ไทย'],
    trades: ['ซอฟต์', 'โลจิสติกส์', 'เทคโนโลยี', 'อาหาร'],
    forms: ['บริษัท', 'ห้างหุ้นส่วน'],
    build: (core, trade, form) => `${form} ${core}${trade} จำกัด`,
  },
};

/**
 * Names that attack whoever displays or exports them: HTML, spreadsheet formulas (leading `=`, `+`, `-`, `@`),
 * SQL, quotes and commas for CSV, one that is very long. Every one of them appears in every data set with enough rows.
 */
export const HOSTILE_CUSTOMER_NAMES: readonly string[] = [
  '<img src=x onerror=alert(1)>',
  '<script>alert("referral")</script> Consulting',
  '=HYPERLINK("https://example.invalid","Click to claim")',
  '=1+2',
  '+44 Trading Ltd',
  '-2+3 Holdings',
  '@SUM(A1:A9)',
  "Robert'); DROP TABLE referrals;-- Ltd",
  'Smith, Jones & "Partners"',
  'javascript:alert(document.domain)',
  'The Extraordinarily Long-Named International Consortium of Cloud, Data & AI Solution Providers (Europe, Middle East and Africa) Limited',
];

export function generateCustomerName(random: Random, style: NameStyle): string {
  const pattern = PATTERNS[style];
  return pattern.build(
    random.pick(pattern.cores),
    random.pick(pattern.trades),
    random.pick(pattern.forms),
  );
}
