import os from 'node:os';

/** Today's date and the machine a report was measured on: `2026-01-01 on <CPU> (2 cores, 8 GiB RAM), Node v20…`. */
export function describeMachine() {
  const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
  return (
    `${new Date().toISOString().slice(0, 10)} on ${cpu} (${os.cpus().length} cores, ` +
    `${(os.totalmem() / 1024 ** 3).toFixed(0)} GiB RAM), Node ${process.version}`
  );
}
