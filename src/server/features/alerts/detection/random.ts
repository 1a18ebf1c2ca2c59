// Seeded pseudo-random numbers for the synthetic benchmark: the same seed always yields the same data,
// on every machine, so measured figures can be reproduced exactly.

export interface Random {
  /** Uniform in [0, 1). */
  next(): number;
}

/** sfc32 (Small Fast Counting generator), seeded through splitmix32 so that nearby seeds diverge at once. */
export function createRandom(seed: number): Random {
  let state = seed >>> 0;
  const splitmix = (): number => {
    state = (state + 0x9e3779b9) >>> 0;
    let z = state;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
    return (z ^ (z >>> 16)) >>> 0;
  };
  let a = splitmix();
  let b = splitmix();
  let c = splitmix();
  let counter = 1;
  const next = (): number => {
    const t = (((a + b) >>> 0) + counter) >>> 0;
    counter = (counter + 1) >>> 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) >>> 0;
    c = ((c << 21) | (c >>> 11)) >>> 0;
    c = (c + t) >>> 0;
    return t / 4294967296;
  };
  // The first outputs of a freshly seeded sfc32 are weakly mixed; discard them.
  for (let i = 0; i < 12; i++) next();
  return { next };
}

export function uniform(random: Random, low: number, high: number): number {
  return low + (high - low) * random.next();
}

export function integerBetween(random: Random, low: number, high: number): number {
  return low + Math.floor(random.next() * (high - low + 1));
}

export function standardNormal(random: Random): number {
  // Box–Muller; 1 - u keeps the logarithm finite.
  const u = 1 - random.next();
  const v = random.next();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}

/** Gamma with the given shape and unit scale (Marsaglia–Tsang, boosted for shape < 1). */
export function gamma(random: Random, shape: number): number {
  if (shape < 1) return gamma(random, shape + 1) * (1 - random.next()) ** (1 / shape);
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    let x: number;
    let v: number;
    do {
      x = standardNormal(random);
      v = 1 + c * x;
    } while (v <= 0);
    v = v * v * v;
    const u = 1 - random.next();
    if (Math.log(u) < 0.5 * x * x + d - d * v + d * Math.log(v)) return d * v;
  }
}

/** Poisson by sequential inversion for small means, by a gamma–binomial split for large ones. */
export function poisson(random: Random, mean: number): number {
  if (mean <= 0) return 0;
  if (mean > 30) {
    // Ahrens–Dieter style recursion keeps the cost logarithmic in the mean.
    const shape = Math.floor(mean * 0.875);
    const g = gamma(random, shape);
    if (g > mean) return binomial(random, shape - 1, mean / g);
    return shape + poisson(random, mean - g);
  }
  let k = 0;
  let p = Math.exp(-mean);
  let cumulative = p;
  const u = random.next();
  while (u > cumulative && k < 1000) {
    k++;
    p *= mean / k;
    cumulative += p;
  }
  return k;
}

function binomial(random: Random, trials: number, probability: number): number {
  let successes = 0;
  for (let i = 0; i < trials; i++) if (random.next() < probability) successes++;
  return successes;
}

/** Negative binomial with the given mean and size (dispersion 1/size), as a gamma–Poisson mixture. */
export function negativeBinomial(random: Random, mean: number, size: number): number {
  if (mean <= 0) return 0;
  return poisson(random, (mean * gamma(random, size)) / size);
}
