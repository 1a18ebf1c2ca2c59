// Upper-tail probabilities of the negative binomial, computed without allocation because the detector
// calls them millions of times. Parameterised by mean and dispersion θ = 1/size (variance μ + θμ²);
// θ → 0 is the Poisson.

const LANCZOS_G = 7;
const LANCZOS = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
  12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
];
const HALF_LOG_TWO_PI = 0.5 * Math.log(2 * Math.PI);
const LN10 = Math.LN10;
const POISSON_DISPERSION = 1e-7;
/** Relative precision at which tail sums stop: scores are reported to two decimals. */
const TAIL_PRECISION = 1e-10;
const MAX_TAIL_TERMS = 5000;

const LOG_FACTORIALS = (() => {
  const table = new Float64Array(512);
  for (let k = 2; k < table.length; k++) table[k] = (table[k - 1] ?? 0) + Math.log(k);
  return table;
})();

/** ln Γ(x) for x > 0 (Lanczos approximation, about 15 significant digits). */
export function logGamma(x: number): number {
  if (x < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * x)) - logGamma(1 - x);
  const z = x - 1;
  let series = LANCZOS[0] ?? 0;
  for (let i = 1; i < LANCZOS.length; i++) series += (LANCZOS[i] ?? 0) / (z + i);
  const t = z + LANCZOS_G + 0.5;
  return HALF_LOG_TWO_PI + (z + 0.5) * Math.log(t) - t + Math.log(series);
}

function logFactorial(k: number): number {
  return k < LOG_FACTORIALS.length ? (LOG_FACTORIALS[k] ?? 0) : logGamma(k + 1);
}

/**
 * −log10 P(X ≥ count) for X ~ NB(mean, dispersion). 0 when count ≤ 0; large (never Infinity for
 * finite inputs) when the count is far beyond the mean.
 */
export function upperTailScore(count: number, mean: number, dispersion: number): number {
  if (count <= 0) return 0;
  const mu = Math.max(mean, 1e-12);
  if (count > mu) return -logUpperTail(count, mu, dispersion) / LN10;
  const tail = 1 - lowerSum(count, mu, dispersion);
  return tail >= 1 ? 0 : -Math.log(Math.max(tail, 1e-300)) / LN10;
}

/** ln P(X = k). */
function logProbability(k: number, mu: number, dispersion: number): number {
  if (dispersion < POISSON_DISPERSION) return k * Math.log(mu) - mu - logFactorial(k);
  const size = 1 / dispersion;
  const logP = -Math.log1p(dispersion * mu); // ln(size / (size + mu))
  const logQ = Math.log(dispersion * mu) + logP; // ln(mu / (size + mu))
  return logGamma(k + size) - logGamma(size) - logFactorial(k) + size * logP + k * logQ;
}

/** ln P(X ≥ count) for count above the mean, summed upward in log space so it never underflows. */
function logUpperTail(count: number, mu: number, dispersion: number): number {
  const poisson = dispersion < POISSON_DISPERSION;
  const size = poisson ? 0 : 1 / dispersion;
  const q = poisson ? 0 : (dispersion * mu) / (1 + dispersion * mu);
  let relative = 1;
  let sum = 1;
  for (let k = count, n = 0; n < MAX_TAIL_TERMS; k++, n++) {
    const ratio = poisson ? mu / (k + 1) : ((k + size) * q) / (k + 1);
    relative *= ratio;
    sum += relative;
    // Ratios shrink towards q (size < 1) or are already falling (size ≥ 1): bound the remainder geometrically.
    const bound = size < 1 && !poisson ? Math.max(ratio, q) : ratio;
    if (bound < 1 && (relative * bound) / (1 - bound) < TAIL_PRECISION * sum) break;
  }
  return logProbability(count, mu, dispersion) + Math.log(sum);
}

/** P(X < count), summed downward from count − 1; only used when count ≤ mean, where it is not tiny. */
function lowerSum(count: number, mu: number, dispersion: number): number {
  const poisson = dispersion < POISSON_DISPERSION;
  const size = poisson ? 0 : 1 / dispersion;
  const q = poisson ? 0 : (dispersion * mu) / (1 + dispersion * mu);
  let term = Math.exp(logProbability(count - 1, mu, dispersion));
  let sum = term;
  for (let k = count - 1; k > 0; k--) {
    term *= poisson ? k / mu : k / ((k - 1 + size) * q);
    sum += term;
  }
  return sum;
}
