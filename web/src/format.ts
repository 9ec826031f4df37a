// Numbers as people read them: byte sizes with SI prefixes, durations in ms, s or h.

export function formatBytes(bytes: number): string {
  const units = ['B', 'kB', 'MB', 'GB', 'TB', 'PB'];
  let value = bytes;
  let unit = 0;
  while (Math.abs(value) >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit++;
  }
  return (unit === 0 ? String(Math.round(value)) : value.toPrecision(3)) + ' ' + units[unit];
}

export function formatSeconds(seconds: number): string {
  if (seconds < 1) return (seconds * 1000).toPrecision(3) + ' ms';
  if (seconds < 3600) return seconds.toPrecision(3) + ' s';
  return (seconds / 3600).toPrecision(3) + ' h';
}

export function formatPercent(share: number): string {
  return (share * 100).toFixed(share === 0 || share === 1 ? 0 : 1) + '%';
}
