/** Referral Lens's mark: a lens over rising bars. Decorative: the product name is always beside it. */
export function BrandMark({ className }: { className?: string }) {
  const ink = 'var(--color-on-accent)';
  return (
    <svg className={className} viewBox="0 0 40 40" aria-hidden="true" focusable="false">
      <rect width="40" height="40" rx="10" fill="var(--color-accent)" />
      <rect x="8" y="23" width="4" height="9" rx="1.5" fill={ink} opacity="0.75" />
      <rect x="14" y="19" width="4" height="13" rx="1.5" fill={ink} opacity="0.9" />
      <circle cx="26" cy="15" r="6" fill="none" stroke={ink} strokeWidth="2.5" />
      <path d="M30.3 19.3 33.5 22.5" stroke={ink} strokeWidth="2.5" strokeLinecap="round" />
    </svg>
  );
}
