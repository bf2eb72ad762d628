// Organisation sizes as people say them: '10to50employees' -> '10–50', 'Morethan20000employees' -> '20,000+'.
const count = new Intl.NumberFormat('en-US');

export function orgSizeLabel(value: string): string {
  const range = /^(\d+)to(\d+)employees$/i.exec(value);
  if (range) return `${count.format(Number(range[1]))}–${count.format(Number(range[2]))}`;
  const above = /^morethan(\d+)employees$/i.exec(value);
  if (above) return `${count.format(Number(above[1]))}+`;
  return value;
}
