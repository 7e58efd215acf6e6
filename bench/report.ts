import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';

/**
 * How a row is judged. Targets are either relative to a baseline measured in the same run
 * (machine speed cancels out) or absolute budgets from the product requirements.
 */
export type Target =
  /** measured / baseline must be at least `value` (throughput: higher is better). */
  | { kind: 'ratio-at-least'; value: number }
  /** measured must be at most `value`, in the row's unit (latency, memory, bytes). */
  | { kind: 'at-most'; value: number }
  /** Context only: printed, never judged. */
  | { kind: 'none' };

export type Status = 'PASS' | 'FAIL' | 'SKIP' | 'INFO' | 'N/A';

export interface BenchRow {
  /** Stable key, for comparing latest.json files across runs. */
  id: string;
  name: string;
  unit: string;
  measured: number | null;
  baseline: number | null;
  baselineLabel: string;
  target: Target;
  /** Why a row was skipped, or what to know when reading it. */
  note?: string;
  /** Set when the measurement failed or is invalid (errors, non-2xx answers): FAIL. */
  invalid?: string;
  /** Set for a target that cannot be measured yet (what it measures does not exist): N/A. */
  notYetMeasurable?: string;
}

export interface JudgedRow extends BenchRow {
  ratio: number | null;
  status: Status;
}

export function judge(row: BenchRow): JudgedRow {
  const ratio =
    row.measured !== null && row.baseline !== null && row.baseline !== 0
      ? row.measured / row.baseline
      : null;
  if (row.invalid) {
    return { ...row, ratio, status: 'FAIL' };
  }
  if (row.notYetMeasurable) {
    return { ...row, ratio, status: 'N/A' };
  }
  if (row.measured === null) {
    return { ...row, ratio, status: 'SKIP' };
  }
  switch (row.target.kind) {
    case 'none':
      return { ...row, ratio, status: 'INFO' };
    case 'at-most':
      return { ...row, ratio, status: row.measured <= row.target.value ? 'PASS' : 'FAIL' };
    case 'ratio-at-least':
      return {
        ...row,
        ratio,
        status: ratio !== null && ratio >= row.target.value ? 'PASS' : 'FAIL',
      };
  }
}

export function describeTarget(row: BenchRow): string {
  switch (row.target.kind) {
    case 'none':
      return '-';
    case 'at-most':
      return `<= ${row.target.value} ${row.unit}`;
    case 'ratio-at-least':
      return `>= ${row.target.value} x baseline`;
  }
}

function formatNumber(value: number | null, unit: string): string {
  if (value === null) {
    return '-';
  }
  const digits = Math.abs(value) >= 100 ? 0 : Math.abs(value) >= 10 ? 1 : 2;
  return `${value.toFixed(digits)} ${unit}`;
}

function pad(text: string, width: number): string {
  return text.length >= width ? text : text + ' '.repeat(width - text.length);
}

/** A plain-text table: it must read well in a terminal and in a CI log alike. */
export function formatTable(rows: readonly JudgedRow[]): string {
  const header = ['benchmark', 'measured', 'baseline', 'ratio', 'target', 'status'];
  const body = rows.map((row) => [
    row.name,
    row.notYetMeasurable ? 'not yet measurable' : formatNumber(row.measured, row.unit),
    row.baseline === null ? '-' : `${formatNumber(row.baseline, row.unit)} (${row.baselineLabel})`,
    row.ratio === null ? '-' : `${row.ratio.toFixed(2)}x`,
    describeTarget(row),
    row.status,
  ]);
  const widths = header.map((title, column) =>
    Math.max(title.length, ...body.map((cells) => (cells[column] ?? '').length)),
  );
  const line = (cells: readonly string[]) =>
    cells.map((cell, column) => pad(cell, widths[column] ?? 0)).join('  ');
  const notes = rows
    .filter((row) => row.note || row.invalid || row.notYetMeasurable)
    .map(
      (row) =>
        `  - ${row.name.trim()}: ${[row.invalid, row.notYetMeasurable, row.note].filter(Boolean).join('; ')}`,
    );
  return [
    line(header),
    line(widths.map((width) => '-'.repeat(width))),
    ...body.map(line),
    ...(notes.length > 0 ? ['', 'Notes:', ...notes] : []),
  ].join('\n');
}

export interface RunReport {
  startedAt: string;
  finishedAt: string;
  durationSeconds: number;
  machine: { node: string; platform: string; cpus: number; loadAverage: number[] };
  database: string | null;
  rows: JudgedRow[];
}

/** bench/results/ is git-ignored (bench/.gitignore): results belong to a machine and a run. */
export async function writeReport(report: RunReport, directory: string): Promise<string> {
  await mkdir(directory, { recursive: true });
  const file = path.join(directory, 'latest.json');
  await writeFile(file, `${JSON.stringify(report, null, 2)}\n`);
  return file;
}
