// Acknowledged within 24 h, within 72 h and before the 14-day expiry: every market, then each market.
import { KpiTile } from '../../../components/kpi-tile';
import { formatCount, formatPercent } from '../../../lib/format/format';
import { fieldValueLabel } from '../../../lib/referrals/value-labels';
import { ChartFrame, countColumn, rateColumn, type ChartColumn } from '../../overview';
import type { ServiceLevelRow } from '../model/response-times';
import { SERVICE_LEVELS } from '../model/stages';
import type { FigureState } from './figure-state';

export const SERVICE_LEVELS_TITLE = 'Service levels by customer market';

interface Row extends Omit<ServiceLevelRow, 'market'> {
  label: string;
}

/** Markets drawn as bars; the table and CSV hold them all. */
const MARKETS_DRAWN = 12;

export function ServiceLevelsFigure({
  overall,
  byMarket,
  figure,
}: {
  overall: Omit<ServiceLevelRow, 'market'> | undefined;
  byMarket: readonly ServiceLevelRow[];
  figure: FigureState;
}) {
  const rows: Row[] = [
    ...(overall ? [{ ...overall, label: 'All markets' }] : []),
    ...byMarket.map((m) => ({
      ...m,
      label: m.market === null ? 'No market' : fieldValueLabel('customerMarket', m.market),
    })),
  ];
  const columns: ChartColumn<Row>[] = [
    { header: 'Customer market', text: (r) => r.label, csv: (r) => r.label },
    countColumn('Referrals', (r) => r.total),
    ...SERVICE_LEVELS.map(({ key, label }) => rateColumn<Row>(label, (r) => r.shares[key])),
  ];
  const tooFine = figure.precision !== 'day';
  return (
    <ChartFrame
      title={SERVICE_LEVELS_TITLE}
      description={
        <>
          Estimated share of referrals acknowledged within 24 h, 72 h and 14 days of creation, with
          referrals not yet acknowledged counted as waiting up to their age. Dates are known to the
          day: one acknowledged on the m-th day after creation counts half toward &quot;within m
          days&quot;. &quot;—&quot;: not watched long enough yet.
          {tooFine &&
            ' Ranges over about 4.5 months are grouped by week, too coarse for 24 h and 72 h.'}
        </>
      }
      ready={figure.ready}
      updating={figure.updating}
      problem={figure.problem}
      empty={figure.ready && (overall?.total ?? 0) === 0}
      columns={columns}
      rows={rows}
      rowKey={(r) => r.label}
      viewDescription={figure.viewDescription}
    >
      <div className="response-times__tiles">
        {SERVICE_LEVELS.map(({ key, label }) => (
          <KpiTile
            key={key}
            label={label}
            value={formatPercent(overall?.shares[key] ?? null)}
            caption={`All markets, ${formatCount(overall?.total ?? 0)} referrals`}
          />
        ))}
      </div>
      <table className="response-times__markets">
        <caption className="visually-hidden">
          Service levels of the {MARKETS_DRAWN} markets with most referrals
        </caption>
        <thead>
          <tr>
            <th scope="col">Market</th>
            {SERVICE_LEVELS.map(({ key, label }) => (
              <th key={key} scope="col">
                {label.replace('Acknowledged ', '')}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.slice(1, MARKETS_DRAWN + 1).map((row) => (
            <tr key={row.label}>
              <th scope="row">
                {row.label}{' '}
                <span className="response-times__muted">({formatCount(row.total)})</span>
              </th>
              {SERVICE_LEVELS.map(({ key }) => {
                const share = row.shares[key];
                return (
                  <td key={key}>
                    <span
                      className="response-times__bar"
                      style={{ width: `${(share ?? 0) * 100}%` }}
                      aria-hidden="true"
                    />
                    <span className="response-times__bar-value">{formatPercent(share)}</span>
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </ChartFrame>
  );
}
