import { execFileSync } from 'node:child_process';
import { describeCluster } from './cluster';
import { describeInstances } from './instances';
import { describeWrites } from './writes';

/**
 * Everything that runs against the Galera cluster, in one file so that it runs in one sequence: some
 * scenarios take a node out of the cluster or kill it, which must not happen under another's feet.
 */
jest.setTimeout(300_000);

describeCluster('on a three-node Galera cluster', () => {
  // The instances in processes of their own start from the build, as `npm start` runs them: built once here.
  beforeAll(() => execFileSync('npm', ['run', 'build:server', '--silent'], { stdio: 'inherit' }));
  describeWrites();
  describeInstances();
});
