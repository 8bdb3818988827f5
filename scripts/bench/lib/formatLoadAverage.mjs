/** The 1, 5 and 15 minute load averages from `os.loadavg()`, as `0.5 0.7 0.9`. */
export function formatLoadAverage(loadAverage) {
  return loadAverage.map((load) => load.toFixed(1)).join(' ');
}
