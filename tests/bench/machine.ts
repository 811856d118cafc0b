// What the bench ran on, printed before its figures and saved with them: a figure means little
// without the machine and how busy it was (both benches run on shared 2-core machines).

import os from 'node:os';

export interface MachineInfo {
  readonly cpus: number;
  readonly cpuModel: string;
  readonly totalMemMB: number;
  readonly platform: string;
  readonly node: string;
  readonly chromium: string;
  readonly loadavgStart: number[];
  readonly loadavgEnd: number[];
}

export function machineInfo(chromium: string, load: { readonly start: readonly number[]; readonly end: readonly number[] }): MachineInfo {
  const cpus = os.cpus();
  return {
    cpus: cpus.length,
    cpuModel: cpus[0]?.model ?? 'unknown',
    totalMemMB: Math.round(os.totalmem() / 1024 / 1024),
    platform: `${os.platform()} ${os.release()}`,
    node: process.version,
    chromium,
    loadavgStart: load.start.map((x) => Number(x.toFixed(2))),
    loadavgEnd: load.end.map((x) => Number(x.toFixed(2))),
  };
}

/** The machine lines, and a note when its load was above its cores (absolute times inflated). */
export function printMachine(m: MachineInfo): void {
  console.log('');
  console.log(`Machine: ${m.cpus} × ${m.cpuModel}, ${m.totalMemMB} MB, ${m.platform}, Node ${m.node}, Chromium ${m.chromium}`);
  console.log(`Load average (1/5/15 min): ${m.loadavgStart.join(' / ')} at start, ${m.loadavgEnd.join(' / ')} at end`);
  if (Math.max(m.loadavgStart[0] ?? 0, m.loadavgEnd[0] ?? 0) > m.cpus) {
    console.log(`Note: the machine was busy (load above ${m.cpus}); absolute times are inflated, compare the ratios.`);
  }
}
