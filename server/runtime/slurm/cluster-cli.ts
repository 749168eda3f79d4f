import {
  DEFAULT_SLURM_PORT,
  localClusterConf,
  startLocalCluster,
  stopLocalCluster,
} from './local-cluster.ts';

/** `npm run slurm -- start|stop`: the local Slurm cluster under PAI_SLURM_DIR (default ./.pai-slurm). */
const dir = process.env.PAI_SLURM_DIR ?? '.pai-slurm';
const command = process.argv[2];

if (command === 'start') {
  try {
    const conf = await startLocalCluster({ dir, basePort: DEFAULT_SLURM_PORT });
    console.log('# The local Slurm cluster is up: 3 nodes × 4 CPUs, 8 GB, 4 GPUs. Use it with:');
    console.log(`export SLURM_CONF=${conf}`);
    console.log('export PAI_RUNTIME=slurm');
  } catch (error) {
    console.error(`Cannot start the local Slurm cluster: ${(error as Error).message}`);
    process.exit(1);
  }
} else if (command === 'stop') {
  stopLocalCluster(dir);
  console.log(`Stopped the local Slurm cluster of ${localClusterConf(dir)}.`);
} else {
  console.error('Usage: npm run slurm -- start|stop   (PAI_SLURM_DIR, default ./.pai-slurm)');
  process.exit(2);
}
