/** Horizons are grouped in bands this many months wide: 0–5, 6–11, 12–17, 18–23. */
export const HORIZON_BAND_MONTHS = 6;

/** Every segment's forecasts pooled (the five segments; the total is their sum, so it is not pooled with them). */
export const ALL_SEGMENTS = 'All segments';
