import { describeCluster } from './cluster';
import { describeInstances } from './instances';
import { describeWrites } from './writes';

/**
 * Everything that runs against the Galera cluster, in one file so that it runs in one sequence: some
 * scenarios take a node out of the cluster or kill it, which must not happen under another's feet.
 */
jest.setTimeout(300_000);

describeCluster('on a three-node Galera cluster', () => {
  describeWrites();
  describeInstances();
});
