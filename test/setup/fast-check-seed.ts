import fc from 'fast-check';

/**
 * Property tests run from one fixed seed by default, so `npm test` (and CI) gives the same verdict
 * on the same commit: a red build always means the commit, never the dice. `npm run test:explore`
 * (FC_SEED=random) draws a fresh seed per run to look for new counterexamples; fast-check prints
 * the seed and path of any failure, and `FC_SEED=<seed>` replays it.
 */
const chosen = process.env.FC_SEED;
if (chosen !== 'random') {
  const seed = chosen === undefined || chosen === '' ? 20261207 : Number(chosen);
  if (!Number.isInteger(seed)) throw new Error(`FC_SEED must be an integer or "random", not ${JSON.stringify(chosen)}`);
  fc.configureGlobal({ seed });
}
