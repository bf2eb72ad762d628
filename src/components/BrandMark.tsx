/** Referral Lens's mark: a lens over rising bars. Decorative: the product name is always beside it. */
export function BrandMark({ className }: { className?: string }) {
  return (
    <svg className={className} viewBox="0 0 40 40" aria-hidden="true" focusable="false">
      <rect width="40" height="40" rx="10" fill="var(--color-accent)" />
      <rect
        x="9"
        y="22"
        width="4"
        height="9"
        rx="1.5"
        fill="var(--color-on-accent)"
        opacity="0.7"
      />
      <rect
        x="15"
        y="17"
        width="4"
        height="14"
        rx="1.5"
        fill="var(--color-on-accent)"
        opacity="0.85"
      />
      <circle
        cx="25"
        cy="17"
        r="6.5"
        fill="none"
        stroke="var(--color-on-accent)"
        strokeWidth="2.5"
      />
      <path
        d="M29.6 21.6 33 25"
        stroke="var(--color-on-accent)"
        strokeWidth="2.5"
        strokeLinecap="round"
      />
    </svg>
  );
}
