/**
 * The version of the engines that compute a project's figures, recorded in every snapshot, so a
 * snapshot whose figures no longer recompute the same can say which engine computed them first.
 * Kept equal to package.json's version (test/models/history/snapshot.test.ts checks it).
 */
export const ENGINE_VERSION = '0.1.0';
